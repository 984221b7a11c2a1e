import { Card, Col, Empty, Flex, Image, Row, Typography } from 'antd';
import type { IncidentAttachmentView } from './api-types';
import { formatDateTime } from './format-date-time';
import { useI18n } from './i18n/i18n-context';

/** Thumbnails that open the full-size photo, with the others of the strip to page through. */
export function PhotoStrip({ attachments, size = 96 }: { attachments: IncidentAttachmentView[]; size?: number }) {
  const { t } = useI18n();
  if (attachments.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex gap={8} wrap>
        {attachments.map((attachment) => (
          <Image
            key={attachment.id}
            src={attachment.thumbnailUrl}
            alt={t(`incident.photo.${attachment.kind}`)}
            title={t('incident.photoTitle', { photo: t(`incident.photo.${attachment.kind}`), time: formatDateTime(attachment.createdAt) })}
            width={size}
            height={size * 0.75}
            preview={{ src: attachment.url }}
            style={{ objectFit: 'cover', borderRadius: 4, background: '#f5f5f5' }}
            data-testid="incident-photo"
            data-kind={attachment.kind}
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}

function PhotoColumn({ kind, attachments }: { kind: IncidentAttachmentView['kind']; attachments: IncidentAttachmentView[] }) {
  const { t } = useI18n();
  return (
    <div data-testid={`incident-photos-${kind}`}>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {t('incident.photoColumn', { kind: t(`incident.photoKind.${kind}`), count: attachments.length })}
      </Typography.Text>
      {attachments.length > 0 ? (
        <PhotoStrip attachments={attachments} size={128} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`incident.noPhotos.${kind}`)} style={{ margin: '8px 0' }} />
      )}
    </div>
  );
}

/** The before and after photos side by side, so the fix can be judged at a glance; others below. */
export function IncidentPhotos({ attachments }: { attachments: IncidentAttachmentView[] }) {
  const ofKind = (kind: IncidentAttachmentView['kind']) => attachments.filter((attachment) => attachment.kind === kind);
  const others = ofKind('other');
  const { t } = useI18n();
  return (
    <Card size="small" title={t('incident.photos')} data-testid="incident-photos">
      <Row gutter={16}>
        <Col span={12}>
          <PhotoColumn kind="before" attachments={ofKind('before')} />
        </Col>
        <Col span={12} style={{ borderLeft: '1px solid #f0f0f0' }}>
          <PhotoColumn kind="after" attachments={ofKind('after')} />
        </Col>
      </Row>
      {others.length > 0 && (
        <div style={{ marginTop: 12, paddingTop: 12, borderTop: '1px solid #f0f0f0' }}>
          <PhotoColumn kind="other" attachments={others} />
        </div>
      )}
    </Card>
  );
}
