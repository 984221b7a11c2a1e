import { Breadcrumb } from 'antd';
import type { Region, RegionDetail } from './api-types';

interface RegionBreadcrumbProps {
  region: RegionDetail | null;
  onSelect: (region: Region) => void;
}

/** Where the console is looking: 市 / 区县 / 镇街 / 村社区, each ancestor a link back up. */
export function RegionBreadcrumb({ region, onSelect }: RegionBreadcrumbProps) {
  if (!region) return null;
  const items = [
    ...region.ancestors.map((ancestor) => ({
      key: ancestor.code,
      title: (
        <a
          href={`#${ancestor.code}`}
          onClick={(event) => {
            event.preventDefault();
            onSelect(ancestor);
          }}
        >
          {ancestor.name}
        </a>
      ),
    })),
    { key: region.code, title: region.name },
  ];
  return <Breadcrumb items={items} data-testid="region-breadcrumb" />;
}
