/**
 * Editing one content part of a plan — its goals, strategies, service declarations or outlooks:
 * a list of the items, each opened inline for editing (one at a time), a new item added, an item
 * deleted after a confirmation. Each item is saved on its own with If-Match (see
 * components/content-editor/useItemEditor.ts). An adopted or archived plan, a reader without the
 * editing role, or an item outside a redaktör's part of the organisation is shown read-only, with
 * the reason said plainly — the server would refuse the change anyway.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getPlan, type PlanFile } from '../api.ts';
import { itemsOf, titleOf, type Item } from '../content-editor-model.ts';
import { isScoped, mayEditItem, readOnlyReason } from '../content-editor-view.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { ItemEditor } from '../components/content-editor/ItemEditor.tsx';
import { ItemReadOnly } from '../components/content-editor/ItemReadOnly.tsx';
import { Loading } from '../components/LoadState.tsx';
import { LiveMessage, type Message } from '../components/LiveMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PlanLoadError } from '../components/PlanLoadError.tsx';
import { useI18n, type Messages } from '../i18n/index.tsx';
import { contentParts, Link, paths, type ContentPart, type ContentPartSegment } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useReloadableResource } from '../use-resource.ts';
import '../content-editor.css';

const NEW = '\u0000new';

/** A short line under an item's title: level, perspective, organisation node or service area. */
function metaOf(part: ContentPart, item: Item, plan: PlanFile, t: Messages): string {
  const node = typeof item.node === 'string' ? plan.organisation.find((n) => n.key === item.node)?.name : undefined;
  switch (part) {
    case 'goals': {
      const perspective = plan.perspectives.find((p) => p.number === item.perspective);
      return [t.contentEditor.levels[item.level as keyof Messages['contentEditor']['levels']], perspective ? `${perspective.number} ${perspective.name}` : undefined, node].filter(Boolean).join(' · ');
    }
    case 'indicators': {
      const goal = plan.goals.find((g) => g.key === item.goal);
      return [goal?.number ? t.contentEditor.goalNumber(goal.number) : undefined, typeof item.appliesTo === 'string' ? item.appliesTo : undefined, typeof item.unit === 'string' ? item.unit : undefined].filter(Boolean).join(' · ');
    }
    case 'strategies':
      return t.contentEditor.scopes[item.scope as keyof Messages['contentEditor']['scopes']] ?? '';
    case 'service-declarations':
      return [typeof item.serviceArea === 'string' ? item.serviceArea : undefined, node].filter(Boolean).join(' · ');
    case 'outlooks':
      return node ?? '';
  }
}

export function ContentEditorPage({ planKey, part }: { planKey: string; part: ContentPart }) {
  const { t } = useI18n();
  const texts = t.contentEditor;
  const { user } = useSession();
  const [resource, reload] = useReloadableResource((signal) => getPlan(planKey, signal), [planKey]);
  const [open, setOpen] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const toggles = useRef(new Map<string, HTMLButtonElement | null>());

  useEffect(() => {
    if (focusKey === null) return;
    toggles.current.get(focusKey)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const onChanged = useCallback(() => reload(), [reload]);
  const onDirty = useCallback((value: boolean) => setDirty(value), []);

  if (resource.state === 'failed') return <PlanLoadError error={resource.error} />;
  if (resource.state === 'loading') {
    return (
      <div className="page">
        <PageHeading title={texts.loading} ready={false} />
        <Loading text={texts.loading} />
      </div>
    );
  }
  const plan = resource.data.data;
  const reason = readOnlyReason(plan.plan, user);
  const items = itemsOf(part, plan);
  const editable = (item: Item) => mayEditItem(user, plan, item);
  const heading = reason === null ? texts.heading[part] : texts.viewHeading[part];

  const toggle = (key: string) => {
    // Unsaved changes are never thrown away by opening or closing another item: save or cancel first.
    if (open !== null && dirty) {
      setMessage({ kind: 'error', text: (t) => t.contentEditor.unsaved, problems: [] });
      messageRef.current?.focus();
      return;
    }
    setMessage(null);
    setDirty(false);
    setOpen(open === key ? null : key);
  };
  const close = (key: string) => () => {
    setOpen(null);
    setDirty(false);
    setFocusKey(key);
  };
  const announce = (text: (t: Messages) => string, kind: Message['kind'] = 'done') => {
    setMessage({ kind, text, problems: [] });
    messageRef.current?.focus();
  };
  // Adopted or archived while an item was open: say so here (the editor closes) and show the plan read-only.
  const onFrozen = (serverText: string) => {
    setOpen(null);
    setDirty(false);
    announce((t) => `${t.contentEditor.frozen} (${serverText})`, 'error');
    void reload();
  };

  return (
    <div className="page page--content-editor">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: plan.plan.title, href: paths.plan(planKey), lang: 'sv' }, { label: texts.parts[part] }]} />
      <PageHeading title={`${heading} – ${plan.plan.title}`}>{heading}</PageHeading>
      <p className="content-editor__plan" lang="sv">
        {plan.plan.title}
      </p>
      <nav className="content-editor__parts" aria-label={texts.otherParts}>
        <ul>
          {(Object.keys(contentParts) as ContentPartSegment[]).map((segment) => {
            const other = contentParts[segment];
            return (
              <li key={segment}>
                <Link href={paths.contentEditor(planKey, other)} aria-current={other === part ? 'page' : undefined}>
                  {texts.parts[other]}
                </Link>
              </li>
            );
          })}
          <li>
            <Link href={paths.plan(planKey)}>{texts.backToPlan}</Link>
          </li>
        </ul>
      </nav>
      {reason !== null ? (
        <p className="notice notice--warning" data-read-only={reason}>
          {texts.readOnly[reason]}
        </p>
      ) : (
        <p>{texts.intro}</p>
      )}
      {reason === null && isScoped(user) ? <p className="notice">{texts.readOnly.scope}</p> : null}
      <LiveMessage message={message} messageRef={messageRef} tagged />
      {reason === null ? (
        <div className="content-editor__add">
          <button
            type="button"
            className="button"
            aria-expanded={open === NEW}
            ref={(element) => {
              toggles.current.set(NEW, element);
            }}
            onClick={() => toggle(NEW)}
          >
            {texts.add[part]}
          </button>
          {open === NEW ? (
            <ItemEditor
              plan={plan}
              part={part}
              itemKey={null}
              onChanged={onChanged}
              onCreated={(key) => {
                setOpen(key);
                setDirty(false);
                announce((t) => t.contentEditor.created);
              }}
              onDeleted={() => undefined}
              onFrozen={onFrozen}
              onClose={close(NEW)}
              onDirty={onDirty}
            />
          ) : null}
        </div>
      ) : null}
      <p className="content-editor__count">{texts.count(items.length)}</p>
      {items.length === 0 ? <p>{texts.empty}</p> : null}
      <ul className="content-items" aria-label={texts.itemsCaption}>
        {items.map((item) => {
          const title = titleOf(part, item);
          const mayEdit = editable(item);
          const isOpen = open === item.key;
          const regionId = `item-${item.key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
          const meta = metaOf(part, item, plan, t);
          return (
            <li key={item.key} className={isOpen ? 'content-item content-item--open' : 'content-item'} data-item={item.key}>
              <div className="content-item__head">
                <h2 className="content-item__title" lang="sv">
                  {title}
                </h2>
                {meta ? <p className="content-item__meta">{meta}</p> : null}
                {reason === null && !mayEdit ? <p className="content-item__meta">{texts.outOfScope}</p> : null}
                <button
                  type="button"
                  className="edit-button"
                  aria-expanded={isOpen}
                  aria-controls={isOpen ? regionId : undefined}
                  aria-label={mayEdit ? texts.editLabel(title) : texts.showLabel(title)}
                  ref={(element) => {
                    toggles.current.set(item.key, element);
                  }}
                  onClick={() => toggle(item.key)}
                >
                  {mayEdit ? texts.edit : texts.show}
                </button>
              </div>
              {isOpen ? (
                <div id={regionId}>
                  {mayEdit ? (
                    <ItemEditor
                      plan={plan}
                      part={part}
                      itemKey={item.key}
                      onChanged={onChanged}
                      onCreated={() => undefined}
                      onDeleted={(deleted) => {
                        setOpen(null);
                        setDirty(false);
                        announce((t) => t.contentEditor.deleted(deleted));
                      }}
                      onFrozen={onFrozen}
                      onClose={close(item.key)}
                      onDirty={onDirty}
                    />
                  ) : (
                    <ItemReadOnly plan={plan} part={part} item={item} showHistory={!!user} />
                  )}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
