import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useI18n } from './i18n/i18n-context';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
const MAX_PHOTOS = 9;

interface PhotoPickerProps {
  /** The chosen files, as a form field holds them (`valuePropName="fileList"`). */
  fileList?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
  id?: string;
}

/**
 * Chooses photos (JPEG, PNG or WebP, at most 10 MB each) without sending them: the form uploads them when it is
 * submitted, once the incident they belong to exists.
 */
export function PhotoPicker({ fileList, onChange, id }: PhotoPickerProps) {
  const { message } = App.useApp();
  const { t } = useI18n();
  return (
    <Upload
      id={id}
      listType="picture-card"
      accept={PHOTO_TYPES.join(',')}
      multiple
      fileList={fileList ?? []}
      maxCount={MAX_PHOTOS}
      beforeUpload={(file) => {
        if (!PHOTO_TYPES.includes(file.type)) {
          message.error(t('photo.wrongType', { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        if (file.size > PHOTO_MAX_BYTES) {
          message.error(t('photo.tooLarge', { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        return false;
      }}
      onChange={({ fileList: files }) => onChange?.(files)}
      data-testid="photo-picker"
    >
      {(fileList?.length ?? 0) < MAX_PHOTOS && (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{t('photo.choose')}</div>
        </button>
      )}
    </Upload>
  );
}

/** Uploads the chosen files in order, once each: a retried submission reuses what already went up. */
export async function uploadPhotos(
  files: UploadFile[] | undefined,
  uploaded: Map<string, number>,
  upload: (file: File) => Promise<{ id: number }>,
): Promise<number[]> {
  const ids: number[] = [];
  for (const file of files ?? []) {
    let attachmentId = uploaded.get(file.uid);
    if (attachmentId === undefined && file.originFileObj) {
      attachmentId = (await upload(file.originFileObj)).id;
      uploaded.set(file.uid, attachmentId);
    }
    if (attachmentId !== undefined) ids.push(attachmentId);
  }
  return ids;
}
