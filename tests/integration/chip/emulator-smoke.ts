import { X509Certificate } from 'node:crypto';
import { readIdCard } from '../../../native/cccd/chip/read-id-card';
import { verifyRead } from '../../../native/cccd/chip/verify-read';
import { testPki } from '../../support/chip/pki';
import { startPcscStack, VIRTUAL_READER } from '../../support/chip/pcsc-fixture';
import { buildCard } from '../../support/chip/synthetic-card';

const stack = await startPcscStack();
try {
  const pki = testPki();
  const card = buildCard({ pki });
  const emu = await stack.insertEmulatedCard(card.mrz, card.files);
  const conn = await stack.readers.connect(VIRTUAL_READER);
  const t = performance.now();
  const read = await readIdCard(conn, { key: { kind: 'mrz', documentNumber: '203000123', birthDate: '030515', expiryDate: '280515' }, extendedLength: true }).catch((e) => { console.log('ext failed', e.code, JSON.stringify(e.details)); return readIdCard(conn, { key: { kind: 'mrz', documentNumber: '203000123', birthDate: '030515', expiryDate: '280515' }, extendedLength: false }); });
  console.log('read', read.method, read.apduCount, (performance.now() - t).toFixed(1), 'ms', [...read.groups.keys()]);
  console.log(verifyRead(read, [new X509Certificate(pki.csca)], Date.now()).verdict);
  await conn.close();
  await stack.removeCard(emu);
} finally {
  await stack.stop();
}
