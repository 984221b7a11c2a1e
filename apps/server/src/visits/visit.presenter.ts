import type { VisitPhotoView, VisitView } from '@civicgrid/domain';
import type { VisitPhotoRow } from './visit-photo.repository.js';
import type { VisitRow } from './visit.repository.js';

export function presentVisitPhoto(row: VisitPhotoRow): VisitPhotoView {
  return {
    id: row.id,
    fileUrl: `/api/visits/${row.visitId}/photos/${row.id}/file`,
    thumbnailUrl: `/api/visits/${row.visitId}/photos/${row.id}/thumbnail`,
  };
}

export function presentVisit(row: VisitRow, photos: readonly VisitPhotoRow[]): VisitView {
  return {
    id: row.id,
    clientId: row.clientId,
    targetKind: row.targetKind,
    targetId: row.targetId,
    targetLabel: row.targetLabel ?? '',
    gridCode: row.gridCode,
    visitedAt: row.visitedAt.toISOString(),
    visitorName: row.visitorName,
    note: row.note,
    lon: row.lon,
    lat: row.lat,
    photos: photos.filter((photo) => photo.visitId === row.id).map(presentVisitPhoto),
    corrections: row.details.corrections ?? null,
  };
}
