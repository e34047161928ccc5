import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildScanSettings,
  EsclXmlError,
  parseScannerCapabilities,
  parseScannerStatus,
  parseScanSettings,
  rewriteJobLocation,
} from '../../../native/scanner/escl/escl-xml';
import { adfProblem } from '../../../native/scanner/escl/escl-driver';

// Shape of a real HP device's answer (prefixes bound differently, a resolution range, no duplex caps).
const HP_LIKE = `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm" xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03">
 <pwg:Version>2.0</pwg:Version><pwg:MakeAndModel>HP LaserJet MFP M28w</pwg:MakeAndModel>
 <scan:Platen><scan:PlatenInputCaps><scan:MaxWidth>2550</scan:MaxWidth><scan:MaxHeight>3508</scan:MaxHeight>
  <scan:SettingProfiles><scan:SettingProfile>
   <scan:ColorModes><scan:ColorMode>RGB24</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode></scan:ColorModes>
   <scan:DocumentFormats><pwg:DocumentFormat>application/pdf</pwg:DocumentFormat><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat></scan:DocumentFormats>
   <scan:SupportedResolutions><scan:ResolutionRange><scan:XResolutionRange><scan:Min>75</scan:Min><scan:Max>600</scan:Max></scan:XResolutionRange></scan:ResolutionRange></scan:SupportedResolutions>
  </scan:SettingProfile></scan:SettingProfiles></scan:PlatenInputCaps></scan:Platen>
 <scan:Adf><scan:AdfSimplexInputCaps><scan:SettingProfiles><scan:SettingProfile>
   <scan:ColorModes><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
   <scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat></scan:DocumentFormats>
   <scan:SupportedResolutions><scan:DiscreteResolutions><scan:DiscreteResolution><scan:XResolution>300</scan:XResolution><scan:YResolution>300</scan:YResolution></scan:DiscreteResolution></scan:DiscreteResolutions></scan:SupportedResolutions>
  </scan:SettingProfile></scan:SettingProfiles></scan:AdfSimplexInputCaps>
  <scan:AdfOptions><scan:AdfOption>Duplex</scan:AdfOption></scan:AdfOptions></scan:Adf>
</scan:ScannerCapabilities>`;

describe('eSCL documents', () => {
  it('reads capabilities: ranges become the usual stops; AdfOptions Duplex implies a duplex feeder', () => {
    const caps = parseScannerCapabilities(HP_LIKE);
    expect(caps.makeAndModel).toBe('HP LaserJet MFP M28w');
    expect(caps.sources).toEqual([
      expect.objectContaining({
        source: 'flatbed',
        resolutions: [75, 100, 150, 200, 240, 300, 400, 600],
        colorModes: ['color', 'gray'],
        maxWidthMm: 216,
        maxHeightMm: 297,
      }),
      expect.objectContaining({ source: 'feeder', duplex: false, resolutions: [300] }),
      expect.objectContaining({ source: 'feeder', duplex: true, resolutions: [300] }),
    ]);
  });

  it('refuses malformed XML and the wrong document with EsclXmlError', () => {
    expect(() => parseScannerCapabilities('<a><b></a>')).toThrow(EsclXmlError);
    expect(() => parseScannerCapabilities('<ScannerStatus/>')).toThrow(EsclXmlError);
  });

  it('reads status and maps AdfState to what the clerk must do', () => {
    const status =
      parseScannerStatus(`<scan:ScannerStatus xmlns:scan="s" xmlns:pwg="p"><pwg:State>Idle</pwg:State><scan:AdfState>ScannerAdfJam</scan:AdfState>
      <scan:Jobs><scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/1</pwg:JobUri><pwg:JobState>Aborted</pwg:JobState></scan:JobInfo></scan:Jobs></scan:ScannerStatus>`);
    expect(status).toEqual({
      state: 'Idle',
      adfState: 'ScannerAdfJam',
      jobs: [{ uri: '/eSCL/ScanJobs/1', state: 'Aborted', reasons: [] }],
    });
    expect(
      [
        'ScannerAdfEmpty',
        'ScannerAdfJam',
        'ScannerAdfMispick',
        'ScannerAdfDoorOpen',
        'ScannerAdfHatchOpen',
        'ScannerAdfLoaded',
      ].map((adfState) => adfProblem({ state: 'Idle', adfState, jobs: [] })),
    ).toEqual(['FEEDER_EMPTY', 'PAPER_JAM', 'PAPER_JAM', 'COVER_OPEN', 'COVER_OPEN', null]);
  });

  it('ScanSettings survive a round trip for every combination', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('flatbed', 'feeder'),
        fc.boolean(),
        fc.constantFrom(200, 300, 600),
        fc.constantFrom('color', 'gray', 'bw'),
        fc.constantFrom('image/jpeg', 'image/png'),
        (source, duplex, dpi, colorMode, format) => {
          const parsed = parseScanSettings(
            buildScanSettings({ source, duplex, dpi, colorMode }, { format }),
          );
          return (
            parsed.source === source &&
            parsed.duplex === (source === 'feeder' && duplex) &&
            parsed.xResolution === dpi &&
            parsed.colorMode === colorMode &&
            parsed.format === format &&
            parsed.width === 2480 &&
            parsed.height === 3508
          );
        },
      ),
    );
  });

  it.each([
    [
      'http://localhost:60000/eSCL/ScanJobs/7',
      'http://10.0.0.5/eSCL',
      'http://10.0.0.5/eSCL/ScanJobs/7',
    ],
    ['/eSCL/ScanJobs/abc', 'http://10.0.0.5:8080/eSCL', 'http://10.0.0.5:8080/eSCL/ScanJobs/abc'],
    [
      'http://[fe80::1%25eth0]/eSCL/ScanJobs/1/',
      'https://printer.local/eSCL',
      'https://printer.local/eSCL/ScanJobs/1',
    ],
  ])('rewrites Location %s against %s', (location, base, expected) => {
    expect(rewriteJobLocation(location, base)).toBe(expected);
  });
});
