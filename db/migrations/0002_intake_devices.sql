-- Barcode-scanner profiles of this workstation (issue 3): which scanners the app reads and how.
-- device_key names one scanner across unplug/replug: 'wedge', 'hid:<vid>:<pid>:<serial|iface>',
-- 'serial:<path>'. settings is JSON validated by the contract's schema for the mode.

CREATE TABLE barcode_scanner_profiles (
  device_key TEXT PRIMARY KEY,
  mode TEXT NOT NULL CHECK (mode IN ('wedge', 'hid_pos', 'serial')),
  label TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  vendor_id INTEGER CHECK (vendor_id IS NULL OR vendor_id BETWEEN 0 AND 65535),
  product_id INTEGER CHECK (product_id IS NULL OR product_id BETWEEN 0 AND 65535),
  settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((mode = 'wedge') = (device_key = 'wedge')),
  CHECK (mode <> 'serial' OR device_key LIKE 'serial:%'),
  CHECK (mode <> 'hid_pos' OR device_key LIKE 'hid:%')
) STRICT;
