/** The comparison group's ranking for one year, the own municipality marked in words, with its place and the members without a value. */
import { useI18n } from '../../i18n/index.tsx';
import type { SeriesYear } from '../../kolada-api.ts';
import { formatFigure } from '../../kolada-view.ts';

export function KoladaRankTable({ year, lowestFirst, headingId }: { year: SeriesYear; lowestFirst: boolean; headingId: string }) {
  const { t } = useI18n();
  const group = year.group;
  if (!group) return null;
  return (
    <div className="kolada-rank">
      {group.ownPlace ? <p>{t.kolada.ownPlace(year.own.title, group.ownPlace.place, group.ownPlace.of)}</p> : null}
      <div className="doc-table">
        <table aria-describedby={headingId}>
          <caption>{t.kolada.rankCaption(group.title, year.year)}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{t.kolada.place}</th>
              <th scope="col">{t.kolada.municipality}</th>
              <th scope="col" className="num">{t.kolada.value}</th>
            </tr>
          </thead>
          <tbody>
            {group.ranking.map((row) => (
              <tr key={row.id} className={row.isOwn ? 'kolada-rank__own' : undefined}>
                <td className="num">{row.place}</td>
                <th scope="row">
                  {row.title}
                  {row.isOwn ? <strong> {t.kolada.own}</strong> : null}
                </th>
                <td className="num">{formatFigure(row.value, 6)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t.kolada.order(lowestFirst)}</p>
      {group.statistics.missing.length ? <p className="muted">{t.kolada.missing(group.statistics.missing.map((m) => m.title).join(', '))}</p> : null}
    </div>
  );
}
