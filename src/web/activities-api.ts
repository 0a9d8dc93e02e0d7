/**
 * The activities page's reads and writes, on the generic item client: the plan, its activities
 * each with its version (ETag), and one activity created, replaced (If-Match) or deleted (If-Match).
 */
import { createItem, deleteItem, getJson, getPlan, itemPath, putItem, type PlanFile, type Versioned, type VersionedItems } from './api.ts';
import type { Activity } from './activities-view.ts';
import { etagOf } from './use-versioned-save.ts';

/** An activity with the version it was read at, as the ETag a write sends back in If-Match. */
export interface VersionedActivity {
  item: Activity;
  etag: string;
}

export interface ActivitiesData {
  plan: PlanFile;
  activities: VersionedActivity[];
}

/** The plan (tables, organisation, goals) and every activity with its version. */
export async function loadActivities(planKey: string, signal?: AbortSignal): Promise<ActivitiesData> {
  const [plan, list] = await Promise.all([getPlan(planKey, signal), getJson<VersionedItems<Activity>>(itemPath(planKey, 'activities'), signal)]);
  return { plan: plan.data, activities: list.items.map(({ version, item }) => ({ item, etag: etagOf(version) })) };
}

const versioned = (saved: Versioned<Activity>, fallback: string): VersionedActivity => ({ item: saved.data, etag: saved.etag ?? fallback });

/** Replaces an activity; 412 with details.current = { version, item } when someone saved in between. */
export async function saveActivity(planKey: string, activity: Activity, etag: string): Promise<VersionedActivity> {
  return versioned(await putItem<Activity>(planKey, 'activities', activity.key, activity, etag), etag);
}

/** Adds an activity to its table. */
export async function addActivity(planKey: string, activity: Activity): Promise<VersionedActivity> {
  return versioned(await createItem<Activity>(planKey, 'activities', activity), etagOf(1));
}

/** Deletes an activity at the version it was read at. */
export async function removeActivity(planKey: string, key: string, etag: string): Promise<void> {
  await deleteItem(planKey, 'activities', key, etag);
}
