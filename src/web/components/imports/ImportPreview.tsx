/**
 * What an import would do (the dry run): the counts, for a ledger the net outcome per unit and
 * month and the codes without a mapping with their sums, for volumes and indicators the changed
 * cells per table or indicator.
 */
import { formatPeriod } from '../../../domain/period.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { ImportOutcomeBody } from '../../imports-api.ts';
import { changedItems, kronor, ledgerTable } from '../../imports-view.ts';
import { ScrollRegion } from '../ScrollRegion.tsx';

type Ledger = NonNullable<ImportOutcomeBody['ledger']>;

function LedgerMonths({ ledger }: { ledger: Ledger }) {
  const { t } = useI18n();
  const table = ledgerTable(ledger);
  return (
    <div className="doc-table import-ledger">
      <ScrollRegion labelledBy="import-ledger-caption">
        <table>
          <caption id="import-ledger-caption">{t.imports.ledgerCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.imports.unit}</th>
              {table.months.map((month) => (
                <th key={month.period} scope="col" className="number" lang="sv">
                  {month.label}
                </th>
              ))}
              <th scope="col" className="number">
                {t.imports.year}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.target} data-unit={row.target}>
                <th scope="row" lang="sv">
                  {row.label}
                  {row.table === null ? <span className="import-ledger__note"> ({t.imports.noTable})</span> : null}
                </th>
                {row.net.map((net, i) => (
                  <td key={table.months[i]!.period} className="number">
                    {net}
                  </td>
                ))}
                <td className="number">{row.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

function Unmapped({ ledger }: { ledger: Ledger }) {
  const { t } = useI18n();
  if (ledger.unmapped.length === 0) return <p className="import-unmapped--none">{t.imports.unmappedNone}</p>;
  return (
    <div className="doc-table import-unmapped">
      <ScrollRegion labelledBy="import-unmapped-caption">
        <table>
          <caption id="import-unmapped-caption">{t.imports.unmappedCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.imports.codes}</th>
              <th scope="col" className="number">
                {t.imports.income}
              </th>
              <th scope="col" className="number">
                {t.imports.costs}
              </th>
              <th scope="col" className="number">
                {t.imports.entries}
              </th>
              <th scope="col" className="number">
                {t.imports.firstLine}
              </th>
              <th scope="col">{t.imports.accounts}</th>
            </tr>
          </thead>
          <tbody>
            {ledger.unmapped.map((entry) => {
              const codes = Object.entries(entry.codes)
                .map(([dimension, code]) => `${dimension} ${code}`)
                .join(', ');
              return (
                <tr key={codes}>
                  <th scope="row">{codes}</th>
                  <td className="number">{kronor(entry.income)}</td>
                  <td className="number">{kronor(entry.costs)}</td>
                  <td className="number">{entry.entries}</td>
                  <td className="number">{entry.firstLine}</td>
                  <td>{entry.accounts.join(', ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

function ChangedCells({ outcome }: { outcome: ImportOutcomeBody }) {
  const { t } = useI18n();
  const items = changedItems(outcome);
  if (items.length === 0) return null;
  return (
    <div className="doc-table import-items">
      <ScrollRegion labelledBy="import-items-caption">
        <table>
          <caption id="import-items-caption">{t.imports.itemsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.imports.item}</th>
              <th scope="col" className="number">
                {t.imports.written}
              </th>
              <th scope="col" className="number">
                {t.imports.confirmed}
              </th>
              <th scope="col" className="number">
                {t.imports.emptied}
              </th>
              <th scope="col">{t.imports.examples}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.itemType}|${item.itemKey}`} data-item={item.itemKey}>
                <th scope="row">{item.itemKey}</th>
                <td className="number">{item.written}</td>
                <td className="number">{item.confirmed}</td>
                <td className="number">{item.emptied}</td>
                <td>
                  {item.examples.map((example) => `${example.rowKey}, ${formatPeriod(example.period)}: ${example.before ?? '–'} → ${example.after ?? '–'}`).join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

export function ImportPreview({ outcome }: { outcome: ImportOutcomeBody }) {
  const { t } = useI18n();
  const counts = outcome.counts;
  return (
    <section className="import-preview" aria-labelledby="import-preview-heading">
      <h2 id="import-preview-heading">{t.imports.previewHeading}</h2>
      <p>
        {t.imports.rowsRead(outcome.rows)} {counts ? t.imports.counts(counts.written, counts.confirmed, counts.emptied) : null}{' '}
        {counts && counts.addedColumns.length > 0 ? t.imports.addedColumns(counts.addedColumns.length) : null}
      </p>
      {outcome.ledger ? (
        <>
          <LedgerMonths ledger={outcome.ledger} />
          <h3>{t.imports.unmappedHeading}</h3>
          <Unmapped ledger={outcome.ledger} />
        </>
      ) : (
        <ChangedCells outcome={outcome} />
      )}
    </section>
  );
}
