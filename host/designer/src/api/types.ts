// Shapes of the host's workflow API, as it answers them (camelCase JSON, enums as names).
import type { Json, WorkflowJson } from "../model/workflow";

export interface InputDescriptor {
  name: string;
  displayName: string;
  type: string;
  description?: string | null;
  uiHint: string;
  default?: Json;
  required: boolean;
  options?: string[] | null;
}

export interface OutputDescriptor {
  name: string;
  type: string;
  description?: string | null;
}

export interface SlotDescriptor {
  name: string;
  multiple: boolean;
  description?: string | null;
}

export interface ActivityDescriptor {
  type: string;
  category: string;
  displayName: string;
  description?: string | null;
  inputs: InputDescriptor[];
  outputs: OutputDescriptor[];
  outcomes: string[];
  slots: SlotDescriptor[];
  dynamicOutcomesInput?: string | null;
  icon?: string | null;
  color?: string | null;
  source?: string | null;
}

export interface DefinitionSummary {
  definitionId: string;
  name: string;
  description?: string | null;
  latestVersion: number;
  publishedVersion?: number | null;
  updatedAt: string;
}

export interface DefinitionResponse {
  definitionId: string;
  version: number;
  name: string;
  description?: string | null;
  isLatest: boolean;
  isPublished: boolean;
  createdAt: string;
  updatedAt: string;
  definition: WorkflowJson;
}

export interface DefinitionVersion {
  definitionId: string;
  version: number;
  name: string;
  isLatest: boolean;
  isPublished: boolean;
  hash: string;
  createdAt: string;
  updatedAt: string;
}

export interface Problem {
  path: string;
  message: string;
}

export interface SaveResponse {
  definitionId: string;
  version: number;
  isPublished: boolean;
  problems: Problem[];
}

export interface ValidationResponse {
  valid: boolean;
  problems: Problem[];
}

export type WorkflowStatus = "Running" | "Suspended" | "Completed" | "Faulted" | "Cancelled";

export interface InstanceSummary {
  id: string;
  definitionId: string;
  definitionVersion: number;
  status: WorkflowStatus;
  subStatus: string;
  correlationId?: string | null;
  name?: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string | null;
  incidentCount: number;
}

export interface InstancePage {
  items: InstanceSummary[];
  page: number;
  pageSize: number;
  total: number;
}

export interface Incident {
  activityId: string;
  activityType: string;
  frameId: number;
  message: string;
  errorType: string;
  timestamp: string;
}

export interface Bookmark {
  id: string;
  name: string;
  key?: string | null;
  activityId: string;
  resumeAt?: string | null;
}

export interface ActivityFrame {
  frameId: number;
  parentFrameId?: number | null;
  activityId: string;
  status: "Pending" | "Running" | "Waiting" | "Suspended" | "Faulted";
  attempt: number;
  startedAt: string;
  error?: string | null;
}

export type JournalKind = "Completed" | "Faulted" | "Retrying" | "Cancelled" | "Log";

export interface JournalEntry {
  sequence: number;
  instanceId: string;
  activityId: string;
  activityType: string;
  frameId: number;
  kind: JournalKind;
  timestamp: string;
  startedAt?: string | null;
  durationMs?: number | null;
  outcome?: string | null;
  attempt: number;
  errorMessage?: string | null;
  errorType?: string | null;
  message?: string | null;
  severity?: string | null;
  data?: Json;
}

export interface InstanceDetails {
  summary: InstanceSummary;
  input?: Record<string, Json> | null;
  output?: Record<string, Json> | null;
  incidents: Incident[];
  bookmarks: Bookmark[];
  activities: ActivityFrame[];
  journal?: JournalEntry[] | null;
}

export interface StartResponse {
  instanceId: string;
  instance?: InstanceDetails | null;
}

export interface SignalResult {
  resumed: number;
  instanceIds: string[];
}

export interface Me {
  user: string;
  roles: string[];
}

export type BulkOperation = "start" | "stop" | "restart";

export type BulkItemStatus = "Pending" | "Running" | "Succeeded" | "Failed";

export interface BulkItem {
  jobId: number;
  jobName?: string | null;
  taskId?: number | null;
  status: BulkItemStatus;
  message?: string | null;
  savepointPath?: string | null;
}

export interface BulkRun {
  instanceId: string;
  operation: BulkOperation;
  status: string;
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  items: BulkItem[];
}
