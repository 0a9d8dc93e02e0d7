/**
 * Where the imported figures of one table came from (issue 14, point 3): the provenance line a grid
 * shows on each imported cell ("Källa: ekonomisystemet, import 2026-03-05 av ekonom"), by cell id.
 */
import { useEffect, useState } from 'react';
import type { FigureSourceBody } from '../contract/imports.ts';
import { getJson } from './api.ts';
import { cellId } from './components/grid/grid-rules.ts';
import { isoDate } from './imports-view.ts';

/** What a cell's provenance line says: the source system, the import's date and who imported. */
export interface CellSource {
  source: string;
  date: string;
  by: string;
}

/** The imported cells of a table, by cell id; reloaded when `refresh` (the table's ETag) changes. */
export function useFigureSources(planKey: string, itemType: 'volume-table' | 'budget-table', itemKey: string, refresh: unknown): Map<string, CellSource> {
  const [sources, setSources] = useState<Map<string, CellSource>>(new Map());
  useEffect(() => {
    const controller = new AbortController();
    getJson<{ figures: FigureSourceBody[] }>(`/api/plans/${encodeURIComponent(planKey)}/figure-sources?item=${itemType}`, controller.signal)
      .then(({ figures }) => {
        const imported = figures.filter((figure) => figure.itemKey === itemKey && figure.importId !== null);
        setSources(new Map(imported.map((figure) => [cellId(figure.rowKey, figure.columnKey), { source: figure.source, date: isoDate(figure.recordedAt), by: figure.recordedBy ?? '' }])));
      })
      // Without its sources a grid still shows and edits its figures.
      .catch(() => undefined);
    return () => controller.abort();
  }, [planKey, itemType, itemKey, refresh]);
  return sources;
}
