import type { Database } from '../database/database.js';
import { ApiTokenRepository } from '../api-tokens/api-token.repository.js';
import { ApiTokenService } from '../api-tokens/api-token.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { AuthService } from '../auth/auth.service.js';
import { LoginAttemptRepository, SessionRepository } from '../auth/session.repository.js';
import { BuildingRepository } from '../base-data/building.repository.js';
import { BuildingService } from '../base-data/building.service.js';
import { createRegisterServices } from '../registers/register.services.js';
import { GridMemberRepository } from '../grid-members/grid-member.repository.js';
import { GridMemberService } from '../grid-members/grid-member.service.js';
import { createRegisterTransferServices } from '../imports/register-transfer.services.js';
import { GridLookups } from '../grids/grid-access.js';
import { GridImportService } from '../grids/grid-import.service.js';
import { GridLayoutRepository } from '../grids/grid-layout.repository.js';
import { GridLayoutService } from '../grids/grid-layout.service.js';
import { GridRepository } from '../grids/grid.repository.js';
import { GridService } from '../grids/grid.service.js';
import { RegionRepository } from '../regions/region.repository.js';
import { RegionService } from '../regions/region.service.js';
import { UserRepository } from '../users/user.repository.js';
import { UserService } from '../users/user.service.js';
import { AllClearRepository } from '../all-clears/all-clear.repository.js';
import { AllClearService } from '../all-clears/all-clear.service.js';
import { AttachmentRepository } from '../attachments/attachment.repository.js';
import { AttachmentService } from '../attachments/attachment.service.js';
import { LocalFileStore } from '../attachments/file-store.js';
import { S3FileStore, type S3StoreSettings } from '../attachments/s3-file-store.js';
import { IncidentCategoryRepository } from '../incident-categories/incident-category.repository.js';
import { IncidentCategoryService } from '../incident-categories/incident-category.service.js';
import { DeadlineWatcher } from '../incidents/deadline-watcher.js';
import { IncidentAssignmentRepository } from '../incidents/incident-assignment.repository.js';
import { IncidentEffects } from '../incidents/incident-effects.js';
import { IncidentIntakeService } from '../incidents/incident-intake.service.js';
import { IncidentQueryRepository } from '../incidents/incident-query.repository.js';
import { IncidentRelationsRepository } from '../incidents/incident-relations.repository.js';
import { IncidentWorkflowService } from '../incidents/incident-workflow.service.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { IncidentService, type DuplicateWindow } from '../incidents/incident.service.js';
import { NotificationRepository } from '../notifications/notification.repository.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OrganizationRepository } from '../organizations/organization.repository.js';
import { OrganizationService } from '../organizations/organization.service.js';
import { WebhookDelivery } from '../webhooks/webhook-delivery.js';
import { WebhookRepository } from '../webhooks/webhook.repository.js';
import { WebhookService } from '../webhooks/webhook.service.js';
import { IncidentClock } from '../working-calendar/incident-clock.js';
import { WorkingCalendarRepository } from '../working-calendar/working-calendar.repository.js';
import { WorkingCalendarService } from '../working-calendar/working-calendar.service.js';
import { BoundaryTileRepository } from '../map/boundary-tile.repository.js';
import { MapTileService } from '../map/map-tile.service.js';
import { DrillDownRepository } from '../drill-down/drill-down.repository.js';
import { DrillDownService } from '../drill-down/drill-down.service.js';
import { IncidentCellRepository } from '../map/incident-cell.repository.js';
import { PointTileRepository } from '../map/point-tile.repository.js';
import { CameraRepository } from '../cameras/camera.repository.js';
import { CameraService } from '../cameras/camera.service.js';
import { DashboardRepository } from '../dashboards/dashboard.repository.js';
import { DashboardService } from '../dashboards/dashboard.service.js';
import { DirectiveRepository } from '../directives/directive.repository.js';
import { DirectiveService } from '../directives/directive.service.js';
import { createFieldWorkServices } from '../field-work/field-work.services.js';

export interface ServiceOptions {
  /** Where photos and thumbnails are kept. */
  filesDirectory: string;
  /** An S3-compatible bucket that keeps them instead, when given. */
  s3?: S3StoreSettings | null;
  /** Reports of one subclass this close in space and time are offered for merging. */
  duplicateWindow: DuplicateWindow;
}

/** Wires each service with exactly the repositories it uses. */
export function createServices(database: Database, options: ServiceOptions) {
  const { db } = database;
  const regions = new RegionRepository(db);
  const grids = new GridRepository(db);
  const gridMembers = new GridMemberRepository(db);
  const users = new UserRepository(db);
  const sessions = new SessionRepository(db);
  const audit = new AuditRepository(db);
  const lookups = new GridLookups(grids, regions);
  const layout = new GridLayoutService(new GridLayoutRepository());
  const incidents = new IncidentRepository();
  const assignments = new IncidentAssignmentRepository();
  const relations = new IncidentRelationsRepository();
  const attachments = new AttachmentRepository(db);
  const notifications = new NotificationRepository();
  const webhooks = new WebhookRepository();
  const calendar = new WorkingCalendarRepository();
  const clock = new IncidentClock(calendar);
  const effects = new IncidentEffects(incidents, assignments, relations, attachments, notifications, webhooks, clock);
  const fileStore = options.s3 ? new S3FileStore(options.s3) : new LocalFileStore(options.filesDirectory);
  const incidentService = new IncidentService(db, incidents, new IncidentQueryRepository(), attachments, options.duplicateWindow);
  const registers = createRegisterServices(db, { audit, grids, lookups });
  return {
    audit,
    ...createRegisterTransferServices(db, { audit, lookups, filesDirectory: options.filesDirectory }),
    notificationService: new NotificationService(db, notifications),
    incidentService,
    incidentIntakeService: new IncidentIntakeService(db, incidents, relations, notifications, webhooks, clock),
    incidentWorkflowService: new IncidentWorkflowService(db, incidents, assignments, clock, effects),
    attachmentService: new AttachmentService(attachments, fileStore),
    incidentCategoryService: new IncidentCategoryService(db, new IncidentCategoryRepository()),
    organizationService: new OrganizationService(db, new OrganizationRepository(), lookups),
    allClearService: new AllClearService(db, new AllClearRepository(), incidents, lookups),
    deadlineWatcher: new DeadlineWatcher(db, incidents, assignments, notifications),
    webhookDelivery: new WebhookDelivery(db, webhooks),
    webhookService: new WebhookService(db, webhooks, lookups),
    workingCalendarService: new WorkingCalendarService(db, calendar, clock),
    regionService: new RegionService(db, regions),
    gridService: new GridService(db, grids, regions, gridMembers, layout, lookups),
    gridImportService: new GridImportService(db, grids, layout, lookups),
    gridMemberService: new GridMemberService(db, gridMembers, lookups),
    buildingService: new BuildingService(db, new BuildingRepository(db), grids, lookups),
    ...registers,
    authService: new AuthService(db, users, sessions, new LoginAttemptRepository()),
    userService: new UserService(db, users, sessions, regions, grids),
    apiTokenService: new ApiTokenService(db, new ApiTokenRepository(db), regions),
    mapTileService: new MapTileService(db, new BoundaryTileRepository(), new PointTileRepository(), new IncidentCellRepository()),
    drillDownService: new DrillDownService(db, new DrillDownRepository(), regions, lookups),
    dashboardService: new DashboardService(db, new DashboardRepository(), lookups),
    directiveService: new DirectiveService(db, new DirectiveRepository(), lookups),
    cameraService: new CameraService(db, new CameraRepository(), incidents, lookups),
    ...createFieldWorkServices(db, { fileStore, lookups, incidentService, ...registers }),
  };
}

export type Services = ReturnType<typeof createServices>;
