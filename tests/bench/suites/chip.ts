/**
 * Chip reading (issue 8): protocol overhead outside the card for PACE + DG1/DG13/SOD, wall time
 * and APDU count of whole reads through pcscd + vpcd. The Debian emulator does BAC only, so the
 * budgeted figure is PACE's computation (the ICAO 9303-11 G.1 worked example replayed, pure)
 * plus our side of a BAC/SM read of DG1/DG13/SOD against the emulator (wall time minus the time
 * spent waiting in SCardTransmit). A full PACE read of the simulated chip on the same reader is
 * reported beside it.
 */
import { X509Certificate } from 'node:crypto';
import { performPace } from '../../../native/cccd/chip/access-control';
import { readIdCard, type AccessKey } from '../../../native/cccd/chip/read-id-card';
import { choosePace, parseSecurityInfos } from '../../../native/cccd/chip/security-infos';
import { ChipSession, type ApduLink } from '../../../native/cccd/chip/session';
import { scalarFromHex } from '../../../native/cccd/chip/pace';
import { verifyRead } from '../../../native/cccd/chip/verify-read';
import { buildChipRecord } from '../../../native/cccd/chip/chip-record';
import { testPki } from '../../support/chip/pki';
import { startPcscStack, VIRTUAL_READER, waitFor } from '../../support/chip/pcsc-fixture';
import { ScriptedLink } from '../../support/chip/scripted-link';
import { SimChip } from '../../support/chip/sim-chip';
import { buildCard, SYNTHETIC_CAN } from '../../support/chip/synthetic-card';
import { insertSimChip } from '../../support/chip/vpcd-card';
import { round, summarise, timeIt, type BenchResult, type BenchSuite } from '../harness';

const SUITE = 'chip';

// ICAO 9303-11 Appendix G.1 (see tests/unit/cccd/chip/pace-vectors.test.ts for every value).
const G1_SCRIPT: [string, string][] = [
  ['0022C1A412800A04007F0007020204020283010184010D', '9000'],
  ['10860000027C0000', '7C128010' + '95A3A016522EE98D01E76CB6B98B42C3' + '9000'],
  [
    '10860000457C438141047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D00',
    '7C43824104824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C549000',
  ],
  [
    '10860000457C438341042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB3646200',
    '7C438441049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F0949000',
  ],
  ['008600000C7C0A8508C2B0BD78D94BA86600', '7C0A86083ABB9674BCE93C089000'],
];
const G1_RANDOM = {
  bytes: () => Buffer.alloc(0),
  scalar: (p: string) =>
    scalarFromHex(
      p === 'pace-map'
        ? '7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99'
        : 'A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595',
    ),
};
// EF.CardAccess with the PACEInfo of the Vietnamese card: ECDH-GM, AES-128, parameter 13.
const CARD_ACCESS = Buffer.from(
  '3114301206' + '0A04007F00070202040202' + '020102' + '02010D',
  'hex',
);

async function paceComputation(): Promise<number> {
  const info = choosePace(parseSecurityInfos(CARD_ACCESS))!;
  const samples = await timeIt(async () => {
    const session = new ChipSession(new ScriptedLink(G1_SCRIPT), { extendedLength: false });
    await performPace(
      session,
      info,
      { kind: 'mrz', mrzInfo: 'T22000129364081251010318' },
      G1_RANDOM,
    );
  }, 40);
  return samples.p50;
}

/** Wraps a link to add up the time spent waiting for the reader and the card. */
function timedLink(link: ApduLink): ApduLink & { waitedMs: number } {
  const wrapped = {
    waitedMs: 0,
    async transmit(command: Uint8Array) {
      const t = performance.now();
      try {
        return await link.transmit(command);
      } finally {
        wrapped.waitedMs += performance.now() - t;
      }
    },
  };
  return wrapped;
}

interface ReadFigures {
  wallMs: number;
  overheadMs: number;
  apdus: number;
  verifyMs: number;
}

async function timedRead(
  connect: () => Promise<ApduLink & { close(reset?: boolean): Promise<void> }>,
  key: AccessKey,
  groups: number[],
  extended: boolean,
  anchors: X509Certificate[],
): Promise<ReadFigures> {
  const connection = await connect();
  const link = timedLink(connection);
  const t = performance.now();
  const read = await readIdCard(link, { key, dataGroups: groups, extendedLength: extended });
  const wallMs = performance.now() - t;
  await connection.close(true);
  const v = performance.now();
  verifyRead(read, anchors, Date.now());
  buildChipRecord(read.groups);
  return {
    wallMs,
    overheadMs: wallMs - link.waitedMs,
    apdus: read.apduCount,
    verifyMs: performance.now() - v,
  };
}

export const chipSuite: BenchSuite = {
  name: SUITE,
  async run(log) {
    const paceMs = await paceComputation();
    log(`  PACE computation (G.1 replay) p50 ${paceMs.toFixed(2)} ms`);
    const pki = testPki();
    const anchors = [new X509Certificate(pki.csca)];
    const stack = await startPcscStack();
    try {
      const card = buildCard({ pki });
      const emulator = await stack.insertEmulatedCard(card.mrz, card.files);
      const bacKey: AccessKey = {
        kind: 'mrz',
        documentNumber: '203000123',
        birthDate: '030515',
        expiryDate: '280515',
      };
      const bac: ReadFigures[] = [];
      for (let i = 0; i < 6; i++)
        bac.push(
          await timedRead(
            () => stack.readers.connect(VIRTUAL_READER),
            bacKey,
            [1, 13],
            false,
            anchors,
          ),
        );
      await stack.removeCard(emulator);
      const bacRuns = bac.slice(1); // the first connect warms pcscd and the emulator
      const bacOverhead = summarise(bacRuns.map((r) => r.overheadMs));
      const bacWall = summarise(bacRuns.map((r) => r.wallMs));

      const paceCard = buildCard({ pki, pace: true });
      const sim = new SimChip({
        files: paceCard.files,
        mrz: paceCard.mrz,
        can: SYNTHETIC_CAN,
        pace: true,
        extendedLength: true,
      });
      const inserted = await insertSimChip(sim);
      await waitFor(
        stack.readers,
        (e) => e.type === 'card-inserted',
        () => stack.readers.readers().some((r) => r.cardPresent),
        'sim chip',
      );
      const pace: ReadFigures[] = [];
      for (let i = 0; i < 6; i++)
        pace.push(
          await timedRead(
            () => stack.readers.connect(VIRTUAL_READER),
            { kind: 'can', can: SYNTHETIC_CAN },
            [1, 13],
            false,
            anchors,
          ),
        );
      const paceFull: ReadFigures[] = [];
      for (let i = 0; i < 3; i++)
        paceFull.push(
          await timedRead(
            () => stack.readers.connect(VIRTUAL_READER),
            { kind: 'can', can: SYNTHETIC_CAN },
            [1, 2, 13],
            true,
            anchors,
          ),
        );
      await inserted.remove();
      const paceRuns = pace.slice(1);
      const paceOverhead = summarise(paceRuns.map((r) => r.overheadMs));

      const budgeted = paceMs + bacOverhead.p50;
      const results: BenchResult[] = [
        {
          suite: SUITE,
          name: 'protocol overhead outside the card: PACE computation (G.1) + BAC/SM read of DG1/DG13/SOD on the emulator',
          unit: 'ms',
          value: round(budgeted),
          detail: {
            paceComputeMs: round(paceMs),
            bacReadOverheadMs: round(bacOverhead.p50),
            runs: bacRuns.length,
          },
          budget: { max: 50, label: '≤ 50 ms' },
        },
        {
          suite: SUITE,
          name: 'BAC + DG1/DG13/SOD read, Debian emulator via pcscd/vpcd: wall time',
          unit: 'ms',
          value: round(bacWall.p50),
          detail: {
            apdus: bacRuns[0]!.apdus,
            p99: round(bacWall.p99),
            verifyMs: round(bacRuns[0]!.verifyMs),
          },
        },
        {
          suite: SUITE,
          name: 'PACE + DG1/DG13/SOD read, simulated chip via pcscd/vpcd: our side (wall − transmit)',
          unit: 'ms',
          value: round(paceOverhead.p50),
          detail: {
            wallMs: round(summarise(paceRuns.map((r) => r.wallMs)).p50),
            apdus: paceRuns[0]!.apdus,
          },
        },
        {
          suite: SUITE,
          name: 'PACE + DG1/DG2/DG13/SOD, extended-length reads, simulated chip: wall time',
          unit: 'ms',
          value: round(summarise(paceFull.map((r) => r.wallMs)).p50),
          detail: {
            apdus: paceFull[0]!.apdus,
            overheadMs: round(summarise(paceFull.map((r) => r.overheadMs)).p50),
            verifyMs: round(paceFull[0]!.verifyMs),
          },
        },
      ];
      return results;
    } finally {
      await stack.stop();
    }
  },
};
