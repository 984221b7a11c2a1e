import type { Region, RegionDetail } from './api-types';
import { HeaderTrail } from './header-trail';

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
      title: ancestor.name,
      link: { href: `#${ancestor.code}`, onOpen: () => onSelect(ancestor) },
    })),
    { key: region.code, title: region.name },
  ];
  return <HeaderTrail items={items} testId="region-breadcrumb" />;
}
