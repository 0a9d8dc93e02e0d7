/** Page model of the content editor (goals, strategies, service declarations, outlooks) and its rich-text editor. */
import type { Locator, Page } from 'playwright-core';
import { PlanPage } from './pages.ts';

export type ContentSegment = 'mal' | 'styrtal' | 'strategier' | 'servicedeklarationer' | 'verksamhetsbeskrivningar';

export class ContentEditorPage extends PlanPage {
  constructor(
    page: Page,
    baseUrl: string,
    planKey: string,
    readonly segment: ContentSegment,
  ) {
    super(page, baseUrl, planKey);
  }

  override get path(): string {
    return `/planer/${encodeURIComponent(this.planKey)}/innehall/${this.segment}`;
  }

  override async ready(): Promise<void> {
    await super.ready();
    await this.page.locator('.content-items').waitFor();
  }

  /** The list entry of an item, by its key. */
  item(key: string): Locator {
    return this.page.locator(`li[data-item="${key}"]`);
  }

  /** The item's toggle button ("Ändra …" or "Visa …"). */
  toggle(key: string): Locator {
    return this.item(key).locator('.content-item__head button');
  }

  /** Opens an item for editing and waits until its form (or read-only view) is there. */
  async openItem(key: string): Promise<Locator> {
    await this.toggle(key).click();
    const editor = this.item(key).locator(`[data-editor="${key}"]`);
    await editor.locator('form, dl').first().waitFor();
    return editor;
  }

  /** The editable area of a rich-text field, by its label. */
  richText(scope: Locator, label: string): Locator {
    return scope.getByRole('textbox', { name: label, exact: true });
  }

  toolbar(scope: Locator, label: string): Locator {
    return scope.getByRole('toolbar', { name: `Formatering: ${label}` });
  }

  /** Puts the cursor at the end of a rich-text field. */
  async focusEnd(area: Locator): Promise<void> {
    await area.click();
    // A click lands where it lands; put the caret after the last character as a reader would with the mouse.
    await area.evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let last: Node | null = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node;
      const range = document.createRange();
      if (last) range.setStart(last, last.textContent?.length ?? 0);
      else range.setStart(element, 0);
      range.collapse(true);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await this.page.waitForTimeout(50); // the editor reads the selection on selectionchange
  }

  /** Pastes HTML into a rich-text field as a browser does (a paste event with text/html and text/plain). */
  async pasteHtml(area: Locator, html: string): Promise<void> {
    await area.focus();
    await area.evaluate((element, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', data);
      transfer.setData('text/plain', data.replace(/<[^>]*>/g, ''));
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, html);
  }

  /** Saves the open item and waits for the outcome; returns the message's kind and text. */
  async save(editor: Locator): Promise<{ kind: string | null; text: string }> {
    await editor.getByRole('button', { name: 'Spara', exact: true }).click();
    const message = editor.locator('[data-message]');
    const conflict = editor.getByRole('group', { name: 'Någon annan har ändrat posten' });
    await message.or(conflict).first().waitFor();
    if (await conflict.count()) return { kind: 'conflict', text: await conflict.innerText() };
    return { kind: await message.getAttribute('data-message'), text: await message.innerText() };
  }
}
