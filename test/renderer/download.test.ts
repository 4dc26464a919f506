// @vitest-environment happy-dom
/** Saving files from the page: safe names, MIME types by extension, data: URLs decoded, the anchor that downloads. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { imageFileName } from '../../src-renderer/src/lib/chartImage';
import { dataUrlBlob, fileStem, mimeType, saveFile } from '../../src-renderer/src/lib/download';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

afterEach(() => vi.restoreAllMocks());

describe('file names', () => {
  it('joins the run and the chart into one safe, lower-case stem', () => {
    expect(fileStem('SGD m=10, ε=0.1 seed=3', 'Loss')).toBe('sgd-m-10-ε-0.1-seed-3-loss');
    expect(fileStem('reproduce/two-timescale/quick', 'Neuron positions')).toBe(
      'reproduce-two-timescale-quick-neuron-positions',
    );
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(fileStem('a:b*c?"d<e>f|g\\h')).toBe('a-b-c-d-e-f-g-h');
    expect(fileStem('', null, undefined, '  ')).toBe('ttlab');
    expect(fileStem('x'.repeat(300)).length).toBe(120);
  });

  it('names images by format and pixel ratio', () => {
    expect(imageFileName('run-loss', { kind: 'png', pixelRatio: 1 })).toBe('run-loss.png');
    expect(imageFileName('run-loss', { kind: 'png', pixelRatio: 3 })).toBe('run-loss@3x.png');
    expect(imageFileName('run-loss', { kind: 'svg' })).toBe('run-loss.svg');
  });

  it('gives each extension its MIME type', () => {
    expect(mimeType('a.png')).toBe('image/png');
    expect(mimeType('a.SVG')).toBe('image/svg+xml');
    expect(mimeType('ttlab-run-1-report.zip')).toBe('application/zip');
    expect(mimeType('noextension')).toBe('application/octet-stream');
  });
});

describe('dataUrlBlob', () => {
  it('decodes base64 bytes exactly, with the type of the URL', async () => {
    const bytes = Uint8Array.of(...PNG_SIGNATURE, 0, 255, 128);
    const blob = dataUrlBlob(`data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`);
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([...bytes]);
  });

  it('reads percent-encoded text and refuses anything else', async () => {
    const blob = dataUrlBlob(`data:image/svg+xml,${encodeURIComponent('<svg>é</svg>')}`);
    expect(await blob.text()).toBe('<svg>é</svg>');
    expect(() => dataUrlBlob('blob:nope')).toThrow('not a data: URL');
  });
});

describe('saveFile', () => {
  it('clicks a temporary anchor naming the file, on a blob of the right type, and frees it later', async () => {
    vi.useFakeTimers();
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:http://localhost/1');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: Array<{ href: string; download: string; attached: boolean }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });
    const blob = saveFile(Uint8Array.of(0x50, 0x4b, 3, 4), 'ttlab-run-1-report.zip');
    expect(blob.type).toBe('application/zip');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x50, 0x4b, 3, 4]);
    expect(created).toHaveBeenCalledWith(blob);
    expect(clicks).toEqual([{ href: 'blob:http://localhost/1', download: 'ttlab-run-1-report.zip', attached: true }]);
    expect(document.querySelector('a')).toBeNull();
    expect(revoked).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(revoked).toHaveBeenCalledWith('blob:http://localhost/1');
    vi.useRealTimers();
  });

  it('keeps the type of a Blob it is given', () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const svg = new Blob(['<svg/>'], { type: 'image/svg+xml' });
    expect(saveFile(svg, 'chart.svg')).toBe(svg);
  });
});
