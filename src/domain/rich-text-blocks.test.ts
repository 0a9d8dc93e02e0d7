/** The plain text of rich text, one rule for titles, histories, spreadsheets and the command line. */
import { describe, expect, it } from 'vitest';
import { plainText } from './rich-text-blocks.ts';

// Texts as the seeds' outlooks and analyses hold them (demo/timra-sn-2020-2022.json).
const outlook = '<p>Utmaningar:</p><ul><li>IFO- barn och ungdomsvården</li><li>Ledning &amp; styrning</li></ul>';

describe('plainText', () => {
  it.each([
    ['lines, list markers', outlook, {}, 'Utmaningar:\n• IFO- barn och ungdomsvården\n• Ledning & styrning'],
    ['lines, no markers (command line)', outlook, { listMarkers: false }, 'Utmaningar:\nIFO- barn och ungdomsvården\nLedning & styrning'],
    ['one line (titles, history)', outlook, { oneLine: true }, 'Utmaningar: IFO- barn och ungdomsvården Ledning & styrning'],
    ['a list that prints its own dashes keeps them once', '<ul><li>- Ledning</li><li>- IFO</li></ul>', {}, '- Ledning\n- IFO'],
    ['a line break inside a paragraph', '<p>Volymerna<br>ökar</p>', {}, 'Volymerna\nökar'],
    ['text without tags', 'Ett förhållningssätt.', {}, 'Ett förhållningssätt.'],
    ['numbered list', '<ol><li>Först</li><li>Sedan</li></ol>', {}, '1. Först\n2. Sedan'],
    ['nothing', null, {}, ''],
  ] as const)('%s', (_name, html, options, text) => {
    expect(plainText(html, options)).toBe(text);
  });
});
