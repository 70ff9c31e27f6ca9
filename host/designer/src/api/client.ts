import { type Session, authHeaders } from "../auth/session";
import type { WorkflowJson } from "../model/workflow";
import type {
  ActivityDescriptor, BulkOperation, BulkRun, DefinitionResponse, DefinitionSummary, DefinitionVersion, InstanceDetails,
  InstancePage, Me, Problem, SaveResponse, SignalResult, StartResponse, ValidationResponse, WorkflowStatus,
} from "./types";

/** An answer other than success, with the host's problem details: what is wrong, and which field (JSON path). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string | undefined, readonly problems: Problem[]) {
    super(detail ?? (problems.length > 0 ? `${title}: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}` : title));
  }
}

/** Where the host's API is: the designer's own base is <host>/designer/, so the API is one level up. */
export function apiRoot(): string {
  return document.querySelector("base") ? new URL("../", document.baseURI).href : new URL("/", location.href).href;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export class Api {
  constructor(private readonly session: Session, private readonly onUnauthorized: () => void) {}

  private url(path: string, query?: Query): string {
    const url = new URL(path.replace(/^\//, ""), apiRoot());
    for (const [key, value] of Object.entries(query ?? {}))
      if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, String(value));
    return url.href;
  }

  async request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.url(path, query), {
        method,
        headers: { ...authHeaders(this.session), ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, "The host did not answer", "Check that it is running and reachable.", []);
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // A body that is not JSON (a proxy's error page) is reported by its status below.
    }
    if (response.ok) return parsed as T;
    if (response.status === 401) this.onUnauthorized();
    const problem = (parsed ?? {}) as { title?: string; detail?: string; errors?: Problem[] };
    throw new ApiError(response.status, problem.title ?? `${response.status} ${response.statusText}`, problem.detail, problem.errors ?? []);
  }

  me = () => this.request<Me>("GET", "/api/me");
  descriptors = () => this.request<ActivityDescriptor[]>("GET", "/api/workflows/descriptors");

  definitions = () => this.request<DefinitionSummary[]>("GET", "/api/workflows/definitions");
  definition = (id: string, version?: number | "latest" | "published") =>
    this.request<DefinitionResponse>("GET", `/api/workflows/definitions/${encodeURIComponent(id)}`, undefined, { version });
  versions = (id: string) => this.request<DefinitionVersion[]>("GET", `/api/workflows/definitions/${encodeURIComponent(id)}/versions`);
  save = (definition: WorkflowJson, publish = false) =>
    this.request<SaveResponse>("POST", "/api/workflows/definitions", definition, { publish: publish || undefined });
  importDefinition = (definition: unknown) => this.request<SaveResponse>("POST", "/api/workflows/definitions/import", definition);
  validate = (definition: WorkflowJson) => this.request<ValidationResponse>("POST", "/api/workflows/definitions/validate", definition);
  publish = (id: string, version?: number) =>
    this.request<DefinitionResponse>("POST", `/api/workflows/definitions/${encodeURIComponent(id)}/publish`, undefined, { version });
  retract = (id: string) => this.request<unknown>("POST", `/api/workflows/definitions/${encodeURIComponent(id)}/retract`);

  instances = (query: { definitionId?: string; status?: WorkflowStatus | ""; page?: number; pageSize?: number }) =>
    this.request<InstancePage>("GET", "/api/workflows/instances", undefined, query);
  instance = (id: string) => this.request<InstanceDetails>("GET", `/api/workflows/instances/${encodeURIComponent(id)}`);
  start = (definitionId: string, input: Record<string, unknown>, version?: number) =>
    this.request<StartResponse>("POST", "/api/workflows/instances", { definitionId, input, version });
  cancel = (id: string) => this.request<unknown>("POST", `/api/workflows/instances/${encodeURIComponent(id)}/cancel`);
  retry = (id: string) => this.request<unknown>("POST", `/api/workflows/instances/${encodeURIComponent(id)}/retry`);
  resume = (id: string, bookmarkId: string, payload: unknown) =>
    this.request<SignalResult>("POST", `/api/workflows/instances/${encodeURIComponent(id)}/bookmarks/${encodeURIComponent(bookmarkId)}/resume`, { payload });
  signal = (signal: string, payload: unknown, instanceId?: string) =>
    this.request<SignalResult>("POST", "/api/workflows/signals", { signal, payload, instanceId });

  startBulk = (request: { operation: BulkOperation; jobIds?: number[]; taskIds?: number[]; snapshot: boolean; parallelism?: number }) =>
    this.request<{ instanceId: string }>("POST", "/api/bulk", request);
  bulk = (instanceId: string) => this.request<BulkRun>("GET", `/api/bulk/${encodeURIComponent(instanceId)}`);
}
