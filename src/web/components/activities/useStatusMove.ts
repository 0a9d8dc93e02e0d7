/**
 * Moving an activity on the status board: a PUT of the activity with only its status changed,
 * with If-Match (on an adopted plan too: the status is follow-up, decision 0004). Focus stays on
 * the moved card; a polite message says where it went. A stale version is never overwritten: the
 * board shows the saved version, the message names both statuses, and moving again is the choice.
 */
import { useState } from 'react';
import { saveActivity, type VersionedActivity } from '../../activities-api.ts';
import { slotOf, type Activity, type StatusSlot } from '../../activities-view.ts';
import { ApiError } from '../../api.ts';
import { savedVersionOf } from '../../use-versioned-save.ts';
import type { Message } from '../LiveMessage.tsx';

interface Options {
  planKey: string;
  activities: VersionedActivity[];
  reload: () => Promise<void>;
  announce: (message: Message) => void;
  focusCard: (key: string) => void;
}

export function useStatusMove({ planKey, activities, reload, announce, focusCard }: Options) {
  const [movingKey, setMovingKey] = useState<string | null>(null);
  const move = async (entry: VersionedActivity, slot: StatusSlot) => {
    const { key, name } = entry.item;
    if (slotOf(entry.item) === slot) {
      announce({ kind: 'done', text: (t) => t.activities.sameStatus(name, t.activities.status[slot]!), problems: [] });
      return;
    }
    const { status: _old, ...rest } = entry.item;
    const next = slot === 'none' ? rest : { ...rest, status: slot };
    // How many the column holds with the card in it, for the announcement.
    const count = activities.filter((other) => other.item.key !== key && slotOf(other.item) === slot).length + 1;
    setMovingKey(key);
    try {
      await saveActivity(planKey, next, entry.etag);
      await reload();
      focusCard(key);
      announce({ kind: 'done', text: (t) => t.activities.moved(name, t.activities.status[slot]!, count), problems: [] });
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) {
        const saved = savedVersionOf<Activity>(caught)?.item;
        const savedSlot = saved ? slotOf(saved) : null;
        await reload();
        focusCard(key);
        announce({ kind: 'error', text: (t) => t.activities.moveStale(name, savedSlot ? t.activities.status[savedSlot]! : t.common.missing, t.activities.status[slot]!), problems: [] });
        return;
      }
      const problems = caught instanceof ApiError ? caught.problems.map((problem) => `${problem.path}: ${problem.message}`) : [];
      announce({
        kind: 'error',
        text: (t) => `${t.activities.moveFailed(name)}: ${caught instanceof ApiError ? (caught.code === 'network' ? t.errors.network : caught.message) : t.errors.unexpected}`,
        problems,
      });
    } finally {
      setMovingKey(null);
    }
  };
  return { movingKey, move };
}
