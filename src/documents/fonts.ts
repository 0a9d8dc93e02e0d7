/**
 * Fonts and the PDF engine's set-up. PDFs embed Roboto from pdfmake's own package (Latin with
 * å ä ö, subset per document), so a generated PDF needs nothing installed on the reader's machine.
 * pdfmake is a process-wide singleton: it is configured once, to read only its font files and no URLs.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** What this project uses of pdfmake 0.3's server API (the package ships no types). */
export interface PdfMake {
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (file: string) => boolean): void;
  createPdf(definition: Record<string, unknown>, options?: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

export const pdfFontFamily = 'Roboto';

let engine: PdfMake | null = null;

/** The configured pdfmake instance. */
export function pdfEngine(): PdfMake {
  if (engine) return engine;
  const pdfmake = require('pdfmake') as PdfMake;
  const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir + path.sep));
  pdfmake.setFonts({
    [pdfFontFamily]: {
      normal: path.join(fontDir, 'Roboto-Regular.ttf'),
      bold: path.join(fontDir, 'Roboto-Medium.ttf'),
      italics: path.join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  engine = pdfmake;
  return engine;
}

/** The font of Word documents and spreadsheets: installed with Office, and metric-compatible Carlito elsewhere. */
export const officeFont = 'Calibri';
