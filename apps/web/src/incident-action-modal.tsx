import type { IncidentAction } from '@civicgrid/domain';
import { Alert, Form, Input, Modal, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { ApiError } from './api-client';
import type { IncidentActionRequest, IncidentDetail, Satisfaction } from './api-types';
import { newClientId } from './client-id';
import { IncidentActionFields, UNREACHABLE, initialActionValues } from './incident-action-fields';
import { actionForm, actionLabel } from './incident-action-forms';
import { incidentApi } from './incident-api';
import { useI18n } from './i18n/i18n-context';
import { PhotoPicker, uploadPhotos } from './photo-picker';
import { errorMessageOf } from './use-error-message';

type ActionValues = Record<string, unknown> & { note?: string; photos?: UploadFile[] };

const iso = (value: unknown) => (value ? (value as Dayjs).toISOString() : undefined);
const numberOrUndefined = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** The request body for an action from the form's values: only the fields that action takes. */
function requestOf(action: IncidentAction, values: ActionValues, incident: IncidentDetail): Omit<IncidentActionRequest, 'clientId'> {
  const request: Omit<IncidentActionRequest, 'clientId'> = { action, version: incident.version, note: values.note?.trim() || undefined };
  switch (action) {
    case 'register':
      return { ...request, categoryId: numberOrUndefined(values.categoryId), urgent: Boolean(values.urgent) };
    case 'dispatch':
      return {
        ...request,
        categoryId: numberOrUndefined(values.categoryId),
        leadDepartmentId: values.leadDepartmentId as number,
        assistingDepartmentIds: (values.assistingDepartmentIds as number[] | undefined) ?? [],
        deadline: iso(values.deadline),
      };
    case 'request_extension':
      return { ...request, requestedDeadline: iso(values.requestedDeadline) };
    case 'approve_extension':
      return { ...request, grantedDeadline: iso(values.grantedDeadline) };
    case 'follow_up':
      return {
        ...request,
        satisfaction: values.satisfaction === UNREACHABLE ? null : (values.satisfaction as Satisfaction),
        method: values.method as IncidentActionRequest['method'],
      };
    case 'hand_down':
      return { ...request, targetCenterId: values.targetCenterId as number };
    case 'merge':
      return { ...request, targetIncidentId: values.targetIncidentId as number };
    case 'supervise':
      return { ...request, supervisionLevel: values.supervisionLevel as IncidentActionRequest['supervisionLevel'], replyDeadline: iso(values.replyDeadline) };
    case 'flag_urgent':
      return { ...request, urgent: !incident.urgent };
    default:
      return request;
  }
}

interface IncidentActionModalProps {
  incident: IncidentDetail;
  action: IncidentAction;
  open: boolean;
  /** Fields filled in beforehand, e.g. the duplicate chosen with 合并. */
  presets?: Record<string, unknown>;
  onClose: () => void;
  onDone: (incident: IncidentDetail, label: string) => void;
  /** Someone else acted first (409): the page reloads the incident. */
  onConflict: () => void;
}

/**
 * One action on an incident: exactly the fields it needs, photos uploaded first, then the step. The page mounts a
 * fresh modal for each opening, so a form never starts with the values of the one before.
 */
export function IncidentActionModal({ incident, action, open, presets, onClose, onDone, onConflict }: IncidentActionModalProps) {
  const [form] = Form.useForm<ActionValues>();
  const { t } = useI18n();
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // One id per opened form and the photos already sent, both kept across retries of the same submission.
  const [clientId] = useState(newClientId);
  const uploadedRef = useRef(new Map<string, number>());
  const shape = actionForm(action);
  const label = actionLabel(action, incident, t);
  const noteLabel = t(shape.noteLabel);
  const photosLabel = shape.photos && t(shape.photos.label);

  const submit = async (values: ActionValues) => {
    const photoKind = shape.photos?.kind;
    setSubmitting(true);
    setProblem(null);
    try {
      const attachmentIds = photoKind
        ? await uploadPhotos(values.photos, uploadedRef.current, (file) => incidentApi.uploadAttachment(incident.id, photoKind, file))
        : [];
      const request: IncidentActionRequest = { ...requestOf(action, values, incident), clientId };
      if (attachmentIds.length > 0) request.attachmentIds = attachmentIds;
      onDone(await incidentApi.act(incident.id, request), label);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'incident.version_conflict') onConflict();
      else setProblem(errorMessageOf(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('incident.actionTitle', { label, code: incident.code })}
      okText={label}
      okButtonProps={{ danger: action === 'reject' || action === 'void' || action === 'request_void' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ ...initialActionValues(action, incident), ...presets }}
        data-testid="incident-action-form"
        data-action={action}
      >
        <IncidentActionFields action={action} incident={incident} form={form} />
        {shape.photos && (
          <Form.Item
            name="photos"
            label={photosLabel}
            valuePropName="fileList"
            getValueFromEvent={(files: UploadFile[]) => files}
            rules={[{ required: shape.photosRequired, message: t('incident.choosePhotos', { label: photosLabel ?? '' }) }]}
            extra={t('photo.hint')}
          >
            <PhotoPicker />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={noteLabel}
          rules={[{ required: shape.noteRequired, whitespace: true, message: t('incident.fillNote', { label: noteLabel }) }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder={shape.notePlaceholder ? t(shape.notePlaceholder) : shape.noteRequired ? undefined : t('common.optional')}
          />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
