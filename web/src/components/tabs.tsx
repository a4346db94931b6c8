import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

type Tab<K extends string> = { key: K; label: string; panel: ReactNode };

type Props<K extends string> = { label: string; tabs: Tab<K>[]; selected: K; onSelect: (key: K) => void };

/**
 * WAI-ARIA tabs with automatic activation: Left/Right/Home/End move between tabs, Tab goes into
 * the panel. The selected tab is controlled by the caller (the URL, so a tab can be linked).
 */
export function Tabs<K extends string>({ label, tabs, selected, onSelect }: Props<K>) {
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = Math.max(
    0,
    tabs.findIndex((t) => t.key === selected),
  );

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = (next + tabs.length) % tabs.length;
    onSelect(tabs[target]!.key);
    refs.current[target]?.focus();
  }

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((tab, i) => (
          <button
            key={tab.key}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.key}`}
            aria-controls={`${base}-panel-${tab.key}`}
            aria-selected={i === index}
            tabIndex={i === index ? 0 : -1}
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${base}-panel-${tab.key}`}
          aria-labelledby={`${base}-tab-${tab.key}`}
          hidden={i !== index}
          className="tab-panel"
        >
          {i === index && tab.panel}
        </div>
      ))}
    </div>
  );
}
