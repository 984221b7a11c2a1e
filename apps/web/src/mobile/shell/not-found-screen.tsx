import { Button, ErrorBlock } from 'antd-mobile';
import { navigate } from '../../app-location';
import { MOBILE_PATHS } from '../mobile-paths';

/** A path the app has no screen for (an old link, a mistyped address). */
export function NotFoundScreen() {
  return (
    <ErrorBlock status="empty" title="找不到这个页面" description="链接可能已失效">
      <Button color="primary" size="large" onClick={() => navigate(MOBILE_PATHS.home)}>
        回到首页
      </Button>
    </ErrorBlock>
  );
}
