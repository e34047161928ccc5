-- Chip reading (issue 8): the CSCA trust store, wrong-key attempt counters, and complete reads.
-- Personal data in chip_reads stays on this workstation and is never synced; the face photo is
-- not stored at all (it is shown during the read and discarded).

-- Country Signing CA certificates the office trusts (imported from a master list or a file from
-- its authority). Vietnam's CSCA is not in the public ICAO PKD: without it, reads are "issuer not
-- verified".
CREATE TABLE chip_trust_anchors (
  fingerprint TEXT PRIMARY KEY,          -- SHA-256 of the DER, upper-case hex
  subject TEXT NOT NULL,
  issuer TEXT NOT NULL,
  serial_number TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT '',
  valid_from INTEGER NOT NULL,           -- epoch ms
  valid_to INTEGER NOT NULL,
  der BLOB NOT NULL,
  source TEXT NOT NULL,                  -- file name it came from
  imported_at INTEGER NOT NULL
) STRICT;

-- Consecutive refused access keys per card (keyed by a hash of the ID number or CAN, never the
-- value), so the desk warns before a chip could slow down or block.
CREATE TABLE chip_key_failures (
  key_hash TEXT PRIMARY KEY,
  failures INTEGER NOT NULL CHECK (failures >= 0),
  last_at INTEGER NOT NULL
) STRICT;

-- One row per complete read (an interrupted read is never stored).
CREATE TABLE chip_reads (
  id INTEGER PRIMARY KEY,
  read_at INTEGER NOT NULL,
  id_number TEXT,
  source TEXT NOT NULL,                  -- reader name, or the vendor device
  method TEXT NOT NULL CHECK (method IN ('pace', 'bac', 'vendor')),
  verdict TEXT NOT NULL
    CHECK (verdict IN ('genuine', 'issuer_not_verified', 'clone_not_checked', 'not_genuine', 'vendor_reported')),
  checks TEXT NOT NULL DEFAULT '[]',     -- JSON [{ id, status, reason }]
  record TEXT NOT NULL,                  -- JSON of the DG13/DG1 fields
  apdu_count INTEGER NOT NULL DEFAULT 0,
  duration_ms INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX chip_reads_id_number ON chip_reads (id_number, read_at);
