/**
 * The administrative tree, opened one level at a time (disclosure buttons, so Tab and Enter
 * are all a keyboard needs). The branch down to the selected area opens by itself.
 */
import { useEffect, useState } from 'react';
import type { Area, AreaPage } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import { Async } from '../ui/states.tsx';

export interface AreaTreeProps {
  selected: string | null;
  /** Codes from the top down to the selected area's parent: opened on arrival. */
  openPath: string[];
  hrefOf(code: string): string;
}

export function AreaTree(props: AreaTreeProps) {
  const { t } = useI18n();
  const roots = useApi<AreaPage>('/areas?level=province&limit=50');
  return (
    <Async {...roots}>
      {(page) => (
        <ul className="tree" aria-label={t('areas.tree')}>
          {page.items.map((a) => (
            <TreeNode key={a.code} area={a} {...props} />
          ))}
        </ul>
      )}
    </Async>
  );
}

function TreeNode({ area, selected, openPath, hrefOf }: AreaTreeProps & { area: Area }) {
  const { t } = useI18n();
  const onPath = openPath.includes(area.code);
  const [open, setOpen] = useState(onPath);
  useEffect(() => {
    if (onPath) setOpen(true);
  }, [onPath]);
  const leaf = area.level === 'village';
  const children = useApi<AreaPage>(open && !leaf ? `/areas?parent=${encodeURIComponent(area.code)}&limit=500` : null);
  return (
    <li>
      <div className={`tree-row${selected === area.code ? ' is-selected' : ''}`}>
        {leaf ? (
          <span className="tree-toggle" aria-hidden="true" />
        ) : (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-label={t(open ? 'areas.collapse' : 'areas.expand', { area: area.name })}
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        )}
        <Link href={hrefOf(area.code)} aria-current={selected === area.code ? 'page' : undefined}>
          {area.name}
        </Link>
      </div>
      {open && !leaf && (
        <Async {...children}>
          {(page) =>
            page.items.length > 0 && (
              <ul>
                {page.items.map((c) => (
                  <TreeNode key={c.code} area={c} selected={selected} openPath={openPath} hrefOf={hrefOf} />
                ))}
              </ul>
            )
          }
        </Async>
      )}
    </li>
  );
}
