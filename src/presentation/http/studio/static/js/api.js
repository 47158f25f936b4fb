// The lesson API as the studio uses it: a bearer token kept in memory only, errors in the API's one format.

/** An API answer that was not 2xx, carrying the DESIGN §5 error body. */
export class ApiError extends Error {
  constructor(status, body, retryAfter) {
    super(body?.message || `the server answered ${status}`);
    this.status = status;
    this.code = body?.error ?? "http_error";
    this.details = Array.isArray(body?.details) ? body.details : [];
    this.retryAfter = retryAfter;
    this.sessionEnded = false;
  }
}

export class Api {
  constructor() {
    this.token = null;
    /** Called when a signed-in request answers 401 (token expired or revoked). */
    this.onSignedOut = () => {};
  }

  get signedIn() {
    return this.token !== null;
  }

  async signIn(username, password) {
    const answer = await this.#call("POST", "/api/v1/auth/token", { username, password }, {}, false);
    this.token = answer.access_token;
    return answer;
  }

  async signOut() {
    try {
      if (this.token) await this.#call("POST", "/api/v1/auth/logout");
    } finally {
      this.token = null;
    }
  }

  /** POST /api/v1/lessons; the idempotency key makes a repeated submission the same lesson. */
  createLesson(body, idempotencyKey) {
    return this.#call("POST", "/api/v1/lessons", body, { "Idempotency-Key": idempotencyKey });
  }

  getLesson(id) {
    return this.#call("GET", `/api/v1/lessons/${encodeURIComponent(id)}`);
  }

  listLessons(cursor) {
    const query = new URLSearchParams({ limit: "10" });
    if (cursor) query.set("cursor", cursor);
    return this.#call("GET", `/api/v1/lessons?${query}`);
  }

  cancelLesson(id) {
    return this.#call("POST", `/api/v1/lessons/${encodeURIComponent(id)}/cancel`);
  }

  retryLesson(id) {
    return this.#call("POST", `/api/v1/lessons/${encodeURIComponent(id)}/retry`);
  }

  /** An artifact's bytes, fetched with the token (a plain <img>/<audio> src could not send it). */
  async artifactBlob(artifact) {
    const response = await this.#fetch("GET", artifact.url, undefined, {}, true);
    return response.blob();
  }

  async #call(method, path, body, headers = {}, withToken = true) {
    const response = await this.#fetch(method, path, body, headers, withToken);
    if (response.status === 204) return null;
    return response.json();
  }

  async #fetch(method, path, body, headers, withToken) {
    const sent = { ...headers };
    if (withToken && this.token) sent.Authorization = `Bearer ${this.token}`;
    if (body !== undefined) sent["Content-Type"] = "application/json";
    const response = await fetch(path, {
      method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit", cache: "no-store",
    });
    if (response.ok) return response;
    const error = new ApiError(response.status, await response.json().catch(() => null),
      response.headers.get("Retry-After"));
    if (response.status === 401 && withToken && this.token) {
      this.token = null;
      error.sessionEnded = true; // already reported through onSignedOut
      this.onSignedOut(error);
    }
    throw error;
  }
}
