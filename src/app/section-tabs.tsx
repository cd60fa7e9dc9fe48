import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import type { Page } from './routes';

type Section = { page: Page; label: string };

/** A section that does not fit, offered in the More menu. */
function HiddenSection({ section, onSelect }: { section: Section; onSelect: (page: Page) => void }) {
  const visible = useIsOverflowItemVisible(section.page);
  return visible ? null : <MenuItem onClick={() => onSelect(section.page)}>{section.label}</MenuItem>;
}

function MoreSections({ sections, onSelect }: { sections: readonly Section[]; onSelect: (page: Page) => void }) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} appearance="transparent" aria-label={`${overflowCount} more sections`}>
          More ▾
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {sections.map((s) => (
            <HiddenSection key={s.page} section={s} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/**
 * The sections of a role, as tabs; those that do not fit (Teams mobile, a narrow side panel) fold into a More
 * menu, so every section stays reachable without sideways scrolling. The selected tab always stays in view.
 */
export function SectionTabs({ sections, selected, onSelect }: { sections: readonly Section[]; selected: string; onSelect: (page: Page) => void }) {
  return (
    <Overflow minimumVisible={1}>
      {/* The More button sits beside the tab list, not in it: a tab list holds only tabs. */}
      <div style={{ display: 'flex', alignItems: 'center', padding: '0 16px', minWidth: 0, overflow: 'hidden' }}>
        <TabList selectedValue={selected} onTabSelect={(_, d) => onSelect(d.value as Page)} aria-label="Sections" style={{ minWidth: 0 }}>
          {sections.map((s) => (
            <OverflowItem key={s.page} id={s.page} priority={s.page === selected ? 2 : undefined}>
              <Tab value={s.page}>{s.label}</Tab>
            </OverflowItem>
          ))}
        </TabList>
        <MoreSections sections={sections} onSelect={onSelect} />
      </div>
    </Overflow>
  );
}
