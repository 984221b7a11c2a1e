import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { resizePhoto } from './resize-photo';

export const MAX_REPORT_PHOTOS = 4;

interface PhotoCaptureProps {
  photos: Blob[];
  onChange: (photos: Blob[]) => void;
}

function Thumbnail({ photo, onRemove }: { photo: Blob; onRemove: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(photo);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [photo]);
  return (
    <div className="m-photo" data-testid="report-photo">
      {url && <img src={url} alt="现场照片" />}
      <button type="button" className="m-photo-remove" onClick={onRemove} aria-label="删除这张照片">
        <CloseOutlined />
      </button>
    </div>
  );
}

/**
 * 现场照片 from the camera (the file picker on a computer), made small at once (resizePhoto): what waits in the phone
 * is what will be sent.
 */
export function PhotoCapture({ photos, onChange }: PhotoCaptureProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [working, setWorking] = useState(false);

  const take = async (files: FileList | null) => {
    const picked = [...(files ?? [])].slice(0, MAX_REPORT_PHOTOS - photos.length);
    if (picked.length === 0) return;
    setWorking(true);
    try {
      const resized: Blob[] = [];
      for (const file of picked) resized.push(await resizePhoto(file));
      onChange([...photos, ...resized]);
    } catch {
      Toast.show({ icon: 'fail', content: '这张照片读不出来，请重新拍一张' });
    } finally {
      setWorking(false);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  return (
    <div className="m-photos">
      {photos.map((photo, index) => (
        <Thumbnail key={index} photo={photo} onRemove={() => onChange(photos.filter((_, other) => other !== index))} />
      ))}
      {photos.length < MAX_REPORT_PHOTOS && (
        <button type="button" className="m-photo-add" onClick={() => inputRef.current?.click()} disabled={working} data-testid="take-photo">
          <CameraOutlined />
          <span>{working ? '处理中…' : '拍照'}</span>
        </button>
      )}
      <input
        ref={inputRef}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        onChange={(event) => void take(event.target.files)}
        data-testid="photo-input"
      />
    </div>
  );
}
