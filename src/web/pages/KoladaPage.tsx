/**
 * Jämförelse (Kolada): the plan's measures linked to Kolada KPIs, and per measure each KPI's series
 * for the municipality against its comparison group's range and mean and the country (chart with
 * a table), the group's ranking for a chosen year, and — for those who may edit — the link editor.
 */
import { useId, useState } from 'react';
import { getPlan, type PlanFile } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { KoladaChart } from '../components/kolada/KoladaChart.tsx';
import { KoladaLinkEditor } from '../components/kolada/KoladaLinkEditor.tsx';
import { KoladaRankTable } from '../components/kolada/KoladaRankTable.tsx';
import type { Message } from '../components/LiveMessage.tsx';
import { Loading } from '../components/LoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PlanLoadError } from '../components/PlanLoadError.tsx';
import '../charts.css';
import '../kolada.css';
import { useI18n } from '../i18n/index.tsx';
import { getMeasureLink, getPlanLinks, getSeries, type LinkItemType, type MeasureLink, type Series } from '../kolada-api.ts';
import { chartModel, defaultYear } from '../kolada-view.ts';
import { Link, paths } from '../router.tsx';
import { usePlanPermissions } from '../use-permissions.ts';
import { useReloadableResource, useResource } from '../use-resource.ts';

/** The plan's measures: linked ones with their KPIs, then (for editors) those without a link. */
export function KoladaIndexPage({ planKey }: { planKey: string }) {
  const { t } = useI18n();
  const resource = useResource(async (signal) => ({ plan: (await getPlan(planKey, signal)).data, links: await getPlanLinks(planKey, signal) }), [planKey]);
  const plan = resource.state === 'ready' ? resource.data.plan : null;
  const permissions = usePlanPermissions(plan);
  if (resource.state === 'failed') return <PlanLoadError error={resource.error} />;
  if (resource.state === 'loading') return <Loading text={t.kolada.loading} />;
  const { links } = resource.data;
  const linked = links.measures.filter((m) => m.kpis.length > 0);
  const unlinked = links.measures.filter((m) => m.kpis.length === 0);
  return (
    <div className="page kolada-page">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: resource.data.plan.plan.title, href: paths.plan(planKey), lang: 'sv' }, { label: t.kolada.crumb }]} />
      <PageHeading title={t.kolada.title} />
      <p>{t.kolada.intro}</p>
      <h2>{t.kolada.linkedHeading}</h2>
      {linked.length === 0 ? <p>{t.kolada.noLinks}</p> : null}
      <ul className="kolada-measures">
        {linked.map((m) => (
          <li key={`${m.itemType}|${m.measure}`}>
            <Link href={paths.kolada(planKey, m.itemType, m.measure)}>
              <span lang="sv">{t.kolada.measureKind(m.itemType, m.label)}</span>
            </Link>{' '}
            <span className="muted">{t.kolada.kpiList(m.kpis.map((k) => k.kpi).join(', '))}</span>
          </li>
        ))}
      </ul>
      {permissions.content && unlinked.length ? (
        <>
          <h2>{t.kolada.unlinkedHeading}</h2>
          <ul className="kolada-measures">
            {unlinked.map((m) => (
              <li key={`${m.itemType}|${m.measure}`}>
                <Link href={paths.kolada(planKey, m.itemType, m.measure)}>
                  <span lang="sv">{t.kolada.measureKind(m.itemType, m.label)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

interface MeasureData {
  plan: PlanFile;
  link: MeasureLink;
  etag: string;
  series: Array<{ kpi: MeasureLink['kpis'][number]; series: Series | null }>;
}

async function loadMeasure(planKey: string, type: LinkItemType, measure: string, signal: AbortSignal): Promise<MeasureData> {
  const plan = (await getPlan(planKey, signal)).data;
  const { data: link, etag } = await getMeasureLink(planKey, type, measure, signal);
  const order = link.direction === 'higher-better' ? 'highest-first' : 'lowest-first';
  const series = await Promise.all(
    link.kpis.map(async (kpi) => {
      if (!kpi.hasValues) return { kpi, series: null };
      const query = { kpi: kpi.kpi, municipality: plan.municipality.code, group: kpi.group, order } as const;
      let found = await getSeries(query, signal);
      // A KPI published for women and men only (no total): the women's series, then the men's.
      for (const gender of ['K', 'M'] as const) if (found.years.length === 0) found = await getSeries({ ...query, gender }, signal);
      return { kpi, series: found };
    }),
  );
  return { plan, link, etag: etag ?? '"0"', series };
}

export function KoladaMeasurePage({ planKey, itemType, measure }: { planKey: string; itemType: LinkItemType; measure: string }) {
  const { t } = useI18n();
  const [resource, reload] = useReloadableResource((signal) => loadMeasure(planKey, itemType, measure, signal), [planKey, itemType, measure]);
  const data = resource.state === 'ready' ? resource.data : null;
  const permissions = usePlanPermissions(data?.plan ?? null, data?.link.node);
  const [editorMessage, setEditorMessage] = useState<Message | null>(null);
  if (resource.state === 'failed') return resource.error.status === 404 && resource.error.message.includes(measure) ? <MeasureMissing planKey={planKey} /> : <PlanLoadError error={resource.error} />;
  if (!data) return <Loading text={t.kolada.loading} />;
  const title = t.kolada.measureTitle(data.link.label);
  return (
    <div className="page kolada-page">
      <Breadcrumbs
        crumbs={[
          { label: t.common.start, href: paths.start() },
          { label: data.plan.plan.title, href: paths.plan(planKey), lang: 'sv' },
          { label: t.kolada.crumb, href: paths.kolada(planKey) },
          { label: data.link.label, lang: 'sv' },
        ]}
      />
      <PageHeading title={title} />
      <p>{t.kolada.computed}</p>
      {data.link.kpis.length === 0 ? <p>{t.kolada.noLinks}</p> : null}
      {data.series.map(({ kpi, series }) => (
        <KpiSection key={kpi.kpi} kpi={kpi} series={series} />
      ))}
      {permissions.content ? <KoladaLinkEditor key={data.etag} planKey={planKey} link={data.link} etag={data.etag} onSaved={reload} message={editorMessage} onMessage={setEditorMessage} /> : null}
      <p>
        <Link href={paths.kolada(planKey)}>{t.kolada.allMeasures}</Link>
      </p>
    </div>
  );
}

function MeasureMissing({ planKey }: { planKey: string }) {
  const { t } = useI18n();
  return (
    <div className="page">
      <PageHeading title={t.kolada.measureMissing} />
      <p>
        <Link href={paths.kolada(planKey)}>{t.kolada.allMeasures}</Link>
      </p>
    </div>
  );
}

function KpiSection({ kpi, series }: { kpi: MeasureLink['kpis'][number]; series: Series | null }) {
  const { t } = useI18n();
  const id = useId();
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const heading = t.kolada.kpiHeading(kpi.kpi, kpi.title ?? '');
  const model = series ? chartModel(series.years) : null;
  const year = chosenYear ?? (series ? defaultYear(series.years) : null);
  const shown = series?.years.find((y) => y.year === year) ?? null;
  const gender = series?.years[0]?.gender;
  return (
    <section className="kolada-kpi" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} lang="sv">
        {heading}
      </h2>
      <p className="kolada-kpi__source">{kpi.source}</p>
      {!series || !model || model.years.length === 0 ? (
        <p>{t.kolada.noValues}</p>
      ) : (
        <>
          <p lang="sv">{series.years.some((y) => y.group) ? t.kolada.groupLine(series.years.find((y) => y.group)!.group!.title) : t.kolada.noGroup}</p>
          {gender && gender !== 'T' ? <p>{t.kolada.genderNote(t.kolada.genders[gender] ?? gender)}</p> : null}
          <KoladaChart model={model} allYears={chartModel(series.years, Number.MAX_SAFE_INTEGER).years} kpiLabel={heading} municipality={series.municipality.title} />
          {shown?.group ? (
            <>
              <h3 id={`${id}-rank`}>{t.kolada.rankHeading(shown.year)}</h3>
              <div className="field kolada-kpi__year">
                <label htmlFor={`${id}-year`}>{t.kolada.yearLabel}</label>
                <select id={`${id}-year`} value={String(year)} onChange={(event) => setChosenYear(Number(event.target.value))}>
                  {model.years.map((y) => (
                    <option key={y.year} value={y.year}>
                      {y.year}
                    </option>
                  ))}
                </select>
              </div>
              <KoladaRankTable year={shown} lowestFirst={series.order === 'lowest-first'} headingId={`${id}-rank`} />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
