// swift-format-ignore-file
// Generated from docs/openapi.json by `make openapi`; edit that file, not this one.

extension OpenAPIDocument {
    /// The OpenAPI 3.1 description of the API, served at `/api/openapi.json`.
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Beacon API",
    "version": "1",
    "description": "Beacon's JSON API: incidents, their actions, playbook steps and approvals, post-mortems, users, who is on duty, the weekly report and Alertmanager intake.\n\n**Authentication.** Every route except `/healthz`, `/metrics` and `/api/openapi.json` needs one of:\n- the console's session cookie (`beacon_session`, set by signing in at `/login`); requests that change state must also send the session's CSRF token as `X-CSRF-Token`, or they get 403;\n- an API token from `beacon user token <login>` (or `POST /api/users/{login}/token`), sent as `Authorization: Bearer <token>`.\n\nA user is either a person of the command chain in `beacon.yaml` (their layer, read from the chain at every request, decides what they may do; a person taken out of the chain can no longer act) or a service account with scope `read` (reads what a person may read) or `intake` (reads, and posts to `/api/intake/alertmanager`). Service accounts never act on incidents or people: such requests get 403. An `Authorization` header that is not a valid token is refused with 401 on every route, public ones included.\n\n**Errors.** Every 4xx and 5xx answer is `{\"error\": \"<message>\", \"field\": \"<offending field, optional>\"}` (`Error`): 400 for bad input (naming the field; a name outside a closed set is told with the names allowed, `severity: \"sev9\" is not one of sev1, sev2, sev3, sev4`), 401 (with `WWW-Authenticate: Bearer realm=\"beacon\"`, plus `error=\"invalid_token\"` for a bad token), 403, 404 (also for unknown `/api` routes and for path ids that are not integers), 405 with an `Allow` header for a known `/api` path asked with another method (the paths and methods are this document's), 409 for a change the record's state refuses, 413 for bodies over 64 KiB, and 422 for a post-mortem edit with problems (`PostMortemProblems`, listing every problem).\n\n**Requests.** Bodies are JSON with snake_case keys; keys the server does not read are ignored, except in `PUT /api/incidents/{id}/postmortem`, which refuses them. Optional fields may be left out or sent as `null`.\n\n**Responses.** JSON with snake_case keys; times are RFC 3339 in UTC without fractions (`2026-12-08T12:00:00Z`); durations are seconds. Optional fields are left out when unset rather than sent as `null`, unless a schema says otherwise. Every `/api` answer carries `Cache-Control: no-store` and `X-Content-Type-Options: nosniff`. Answers of 201 carry a `Location` header with the path of what was created (for an instruction, the incident; for a token, its user).\n\n**Pagination.** `GET /api/incidents`, `GET /api/users` and `GET /api/rosters/{roster}/overrides` take `limit` (1–200, default 50) and `cursor` (opaque, from the previous page); the answer carries `Link: <…?limit=…&cursor=…>; rel=\"next\"` (the same path and filters) only when there is a next page. The body is the page's JSON array, as without paging."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "security": [
    {
      "bearer": []
    },
    {
      "session": []
    }
  ],
  "tags": [
    {
      "name": "incidents",
      "description": "Incidents: list, declare, act on them, escalate, instruct, set the severity, mark playbook steps done."
    },
    {
      "name": "post-mortems",
      "description": "The review of a resolved incident, as JSON or Markdown."
    },
    {
      "name": "approvals",
      "description": "The decision layer's answers."
    },
    {
      "name": "users",
      "description": "Who may sign in or call the API (admins only)."
    },
    {
      "name": "on-call",
      "description": "Who is on duty, and the rosters' overrides."
    },
    {
      "name": "reports",
      "description": "The weekly report."
    },
    {
      "name": "intake",
      "description": "Alerts from other systems."
    },
    {
      "name": "system",
      "description": "Health, metrics and this document."
    }
  ],
  "paths": {
    "/api/incidents": {
      "get": {
        "tags": [
          "incidents"
        ],
        "summary": "List incidents, newest first",
        "description": "Incidents by number, newest (highest) first, filtered by status, severity, category and opening time. Each is an `Incident` without its timeline. Paginated: `limit` per page, `cursor` from the previous page's `Link` header, which keeps the filters.",
        "operationId": "listIncidents",
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "required": false,
            "style": "form",
            "explode": false,
            "description": "Comma-separated statuses to keep; empty or absent keeps all. An unknown word answers 400 with `field: status`.",
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/IncidentStatus"
              }
            },
            "example": [
              "open",
              "acknowledged"
            ]
          },
          {
            "name": "severity",
            "in": "query",
            "required": false,
            "style": "form",
            "explode": false,
            "description": "Comma-separated current severities to keep; empty or absent keeps all. An unknown word answers 400 with `field: severity`.",
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/Severity"
              }
            },
            "example": [
              "sev1"
            ]
          },
          {
            "name": "category",
            "in": "query",
            "required": false,
            "style": "form",
            "explode": false,
            "description": "Comma-separated categories to keep; empty or absent keeps all. An unknown word answers 400 with `field: category`.",
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/Category"
              }
            },
            "example": [
              "system"
            ]
          },
          {
            "name": "since",
            "in": "query",
            "required": false,
            "description": "Only incidents opened at or after this moment: any RFC 3339 date-time (`2026-12-08T12:00:00Z`, `2026-12-08t20:00:00.123456789+08:00`; fractions of up to 9 digits, `T`/`Z` in either case; encode `+` as `%2B`) or a duration back from now (`24h`, `7d`, `1h30m`; units `ms`, `s`, `m`, `h`, `d`, `w`). Anything else answers 400 with `field: since`.",
            "schema": {
              "type": "string",
              "anyOf": [
                {
                  "format": "date-time"
                },
                {
                  "pattern": "^([0-9]{1,6}(\\.[0-9]{1,3})?(ms|s|m|h|d|w)){1,4}$"
                }
              ]
            },
            "example": "24h"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of incidents (without `timeline`).",
            "headers": {
              "Link": {
                "$ref": "#/components/headers/Link"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Incident"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "A filter, `limit` or `cursor` is malformed; `field` names the query parameter."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "The API token's person is no longer in the command chain."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "tags": [
          "incidents"
        ],
        "summary": "Declare an incident",
        "description": "A person declares an incident no rule saw: it opens with origin `declared`, starts its playbook and pages the layers its severity pages. Any person of the chain may declare; service accounts may not.",
        "operationId": "declareIncident",
        "parameters": [
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "The new incident.",
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/IncidentDeclaration"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Declared.",
            "headers": {
              "Location": {
                "$ref": "#/components/headers/Location",
                "description": "`/api/incidents/{id}` of the new incident."
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Missing body, malformed JSON, a missing or mistyped field, an unknown category or severity, or a blank title."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "A service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/incidents/{id}": {
      "get": {
        "tags": [
          "incidents"
        ],
        "summary": "An incident with everything recorded about it",
        "description": "The incident's fields and its timeline, playbook run, approvals, notifications and, once it has resolved, where its post-mortem stands.",
        "operationId": "getIncident",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 12
          }
        ],
        "responses": {
          "200": {
            "description": "The incident in detail.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IncidentDetail"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "The API token's person is no longer in the command chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such incident (or the id is not an integer)."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/incidents/{id}/ack": {
      "post": {
        "tags": [
          "incidents"
        ],
        "summary": "Acknowledge an incident",
        "description": "Moves the incident from open to `acknowledged`, with an optional note on the timeline. Any person of the chain may; service accounts may not. The body may be empty.",
        "operationId": "acknowledgeIncident",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 12
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "An optional note; an empty body is the same as `{}`.",
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/IncidentNote"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The incident after the change (without `timeline`).",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Malformed JSON or a mistyped `note`."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "A service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such incident (or the id is not an integer)."
          },
          "409": {
            "$ref": "#/components/responses/Conflict",
            "description": "The incident's status does not allow it (it must be open)."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/incidents/{id}/mitigate": {
      "post": {
        "tags": [
          "incidents"
        ],
        "summary": "Mark an incident mitigated",
        "description": "Moves the incident from open or acknowledged to `mitigated`, with an optional note on the timeline. Any person of the chain may; service accounts may not. The body may be empty.",
        "operationId": "mitigateIncident",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 12
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "An optional note; an empty body is the same as `{}`.",
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/IncidentNote"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The incident after the change (without `timeline`).",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Malformed JSON or a mistyped `note`."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "A service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such incident (or the id is not an integer)."
          },
          "409": {
            "$ref": "#/components/responses/Conflict",
            "description": "The incident's status does not allow it (it must be open or acknowledged)."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/incidents/{id}/resolve": {
      "post": {
        "tags": [
          "incidents"
        ],
        "summary": "Resolve an incident",
        "description": "Moves the incident from open, acknowledged or mitigated to `resolved`, with an optional note on the timeline. Any person of the chain may; service accounts may not. Resolving opens the incident's post-mortem. The body may be empty.",
        "operationId": "resolveIncident",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 12
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "An optional note; an empty body is the same as `{}`.",
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/IncidentNote"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The incident after the change (without `timeline`).",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Malformed JSON or a mistyped `note`."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "A service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such incident (or the id is not an integer)."
          },
          "409": {
            "$ref": "#/components/responses/Conflict",
            "description": "The incident's status does not allow it (it must be open, acknowledged or mitigated)."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/incidents/{id}/close": {
      "post": {
        "tags": [
          "incidents"
        ],
        "summary": "Close a resolved incident",
        "description": "Moves the incident from resolved to `closed`, with an optional note on the timeline. Any person of the chain may; service accounts may not. An incident closes only when its post-mortem has a root cause and at least one follow-up or a reason why no action is needed. The body may be empty.",
        "operationId": "closeIncident",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 12
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "An optional note; an empty body is the same as `{}`.",
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/IncidentNote"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The incident after the change (without `timeline`).",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Malformed JSON or a mistyped `note`."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "A service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such incident (or the id is not an integer)."
          },
          "409": {
            "$ref": "#/components/responses/Conflict",
            "description": "The incident is not resolved, has no post-mortem yet, or its post-mortem still lacks a root cause or a follow-up (or a reason why none is needed); the message names what is missing."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/incidents/{id}/escalate": {
      "post": {
        "tags": [
          "incidents"
        ],
        "summary": "Page a layer by hand",
        "description": "Pages `layer`, by default the next layer up that is not paged yet. Any person of the chain may; service accounts may not. The body may be empty.",
        "operationId": "escalateIncident",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 12
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "The layer to page and an optional note; an empty body is the same as `{}`.",
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Escalation"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "How many notifications were queued.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EscalationResult"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Malformed JSON, a mistyped field or an unknown `layer`."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "A service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such incident (or the id is not an integer)."
          },
          "409": {
            "$ref": "#/components/responses/Conflict",
            "description": "The incident is resolved or closed, or already pages every layer and no `layer` was named."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/incidents/{id}/instruct": {
      "post": {
        "tags": [
          "incidents"
        ],
        "summary": "Give the decision layer's instruction",
        "description": "The decision layer tells the execution layer what to do: the instruction goes on the timeline (it meets `instruct_within`) and is sent to the execution layer. Only people of the decision layer.",
        "operationId": "instructIncident",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 12
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "The instruction.",
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Instruction"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Recorded and sent; the incident (without `timeline`).",
            "headers": {
              "Location": {
                "$ref": "#/components/headers/Location",
                "description": "`/api/incidents/{id}`: the incident instructed (the instruction itself has no path of its own)."
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Missing body, malformed JSON, `text` missing or mistyped, blank, or longer than 2000 characters."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "Not of the decision layer, a service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such incident (or the id is not an integer)."
          },
          "409": {
            "$ref": "#/components/responses/Conflict",
            "description": "The incident is resolved or closed: there is nothing left to instruct."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/incidents/{id}/severity": {
      "post": {
        "tags": [
          "incidents"
        ],
        "summary": "Set an incident's severity, with a reason",
        "description": "A person of the operation or execution layer sets the severity. A raise pages the layers the new severity adds and activates its steps, as a rule's raise does (the timeline says `severity_raised`); a lowering is recorded (`severity_eased`) and silences nothing already asked. `peak_severity` never goes down.",
        "operationId": "changeIncidentSeverity",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 12
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "The new severity and why.",
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SeverityChange"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The incident after the change (without `timeline`), as the other actions answer.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Missing body, malformed JSON, a missing or mistyped field, an unknown severity, a blank reason, or the severity the incident already has."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "Not of the operation or execution layer, a service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such incident (or the id is not an integer)."
          },
          "409": {
            "$ref": "#/components/responses/Conflict",
            "description": "The incident is resolved or closed: its severity stays."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/incidents/{id}/reopen": {
      "post": {
        "tags": [
          "incidents"
        ],
        "summary": "Reopen a closed incident, with a reason, to change its post-mortem (operation and execution layers).",
        "description": "Reopens a closed incident: it is resolved again and its post-mortem can be changed until it closes again (a closed post-mortem is read; its follow-ups are still tracked). 409 when the incident is not closed.",
        "operationId": "reopenIncident",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 12
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "The new severity and why.",
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Reopening"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The incident after the change (without `timeline`), as the other actions answer.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Missing body, malformed JSON, a missing or mistyped field, an unknown severity, a blank reason, or the severity the incident already has."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "Not of the operation or execution layer, a service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such incident (or the id is not an integer)."
          },
          "409": {
            "$ref": "#/components/responses/Conflict",
            "description": "The incident is resolved or closed: its severity stays."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/incidents/{id}/steps/{step}": {
      "post": {
        "tags": [
          "incidents"
        ],
        "summary": "Mark a playbook step done",
        "description": "Only people of the layer that owns the step. A recurring step (`every_seconds`) stays `due` and records when it was last done. Approval steps are answered through `POST /api/approvals/{id}`. The body may be empty.",
        "operationId": "completeStep",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 12
          },
          {
            "name": "step",
            "in": "path",
            "required": true,
            "description": "The step's id in its playbook.",
            "schema": {
              "type": "string"
            },
            "example": "assess"
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "An optional note; an empty body is the same as `{}`.",
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/IncidentNote"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The step after the change.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RunStep"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Malformed JSON or a mistyped `note`, or the step is an approval (approve or reject it instead)."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "The step belongs to another layer, a service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such incident (or the id is not an integer), or the incident has no such step."
          },
          "409": {
            "$ref": "#/components/responses/Conflict",
            "description": "The step is not active yet (`pending`: the incident has not reached its `min_severity`)."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/approvals/{id}": {
      "post": {
        "tags": [
          "approvals"
        ],
        "summary": "Approve or reject",
        "description": "Only people of the decision layer. The first answer wins; the approval's step is marked done and the execution layer is told the outcome. An approval past `expires_at` is recorded `expired` and refused with 409.",
        "operationId": "answerApproval",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The approval's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 3
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "The decision and an optional comment.",
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ApprovalAnswer"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The approval as answered.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Approval"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Missing body, malformed JSON, `decision` missing or not `approve`/`reject`, or a mistyped `comment`."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "Not of the decision layer, a service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such approval (or the id is not an integer)."
          },
          "409": {
            "$ref": "#/components/responses/Conflict",
            "description": "Already approved or rejected, or expired."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/incidents/{id}/postmortem": {
      "get": {
        "tags": [
          "post-mortems"
        ],
        "summary": "A post-mortem as JSON",
        "description": "The report as `beacon postmortem show --json` prints it: the 5W1H draft from the record, what the team wrote, the three findings with their evidence, the follow-ups, and what keeps the incident from closing.",
        "operationId": "getPostMortem",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 12
          }
        ],
        "responses": {
          "200": {
            "description": "The post-mortem report.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PostMortemReport"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "The API token's person is no longer in the command chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such incident (or the id is not an integer), or the incident has no post-mortem yet (it opens when the incident resolves); the message says which."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "put": {
        "tags": [
          "post-mortems"
        ],
        "summary": "Write a post-mortem",
        "description": "Replaces what the team writes, with the keys of the YAML document `beacon postmortem edit` opens. A key left out (or `null`) is empty; every existing follow-up must be listed by its `id`, since nothing is ever deleted (mark it `wont_do` with a reason instead). Only the operation and execution layers write post-mortems. Unlike the other routes, unknown keys are refused (422).",
        "operationId": "updatePostMortem",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 12
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "The whole editable document.",
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PostMortemEdit"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Saved; the post-mortem report as it now stands.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PostMortemReport"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Empty body, or a body that is not JSON."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "Not of the operation or execution layer, a service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such incident (or the id is not an integer), or the incident has no post-mortem yet (it opens when the incident resolves); the message says which."
          },
          "409": {
            "$ref": "#/components/responses/Conflict",
            "description": "The post-mortem changed while it was being edited, a follow-up id does not belong to it, or the incident is closed and the edit would take away what let it close."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "422": {
            "description": "The document has problems; nothing was saved. Every problem is listed with its field path (`follow_ups[1].kind`) and reason: unknown keys, wrong types, negative impact figures, a verdict written as a comment, a missing follow-up, a due day already passed, `wont_do` without a reason.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PostMortemProblems"
                }
              }
            }
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/incidents/{id}/postmortem.md": {
      "get": {
        "tags": [
          "post-mortems"
        ],
        "summary": "A post-mortem as Markdown",
        "description": "The same report as Markdown, to forward; served inline.",
        "operationId": "getPostMortemMarkdown",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's number. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 12
          }
        ],
        "responses": {
          "200": {
            "description": "The Markdown text (`text/markdown; charset=utf-8`).",
            "headers": {
              "Content-Disposition": {
                "description": "`inline; filename=\"incident-{id}-postmortem.md\"`",
                "schema": {
                  "type": "string"
                },
                "example": "inline; filename=\"incident-12-postmortem.md\""
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "text/markdown": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "The API token's person is no longer in the command chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such incident (or the id is not an integer), or the incident has no post-mortem yet (it opens when the incident resolves); the message says which."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/users": {
      "get": {
        "tags": [
          "users"
        ],
        "summary": "List users",
        "description": "Every user (people and service accounts), by login. Admins only. Paginated like the incidents.",
        "operationId": "listUsers",
        "parameters": [
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/LoginCursor"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of users.",
            "headers": {
              "Link": {
                "$ref": "#/components/headers/Link"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/User"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "`limit` or `cursor` is malformed; `field` names it."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "Not an admin (service accounts never are), or the API token's person is no longer in the chain."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "tags": [
          "users"
        ],
        "summary": "Create a user or a service account",
        "description": "Admins only. A person of the command chain: `login` (a login of `beacon.yaml`'s chain), `password` (at least 10 characters), optionally `admin`; the name and layer are read from the chain at every request. Or a service account: `login` and `service` (`read` or `intake`), no password, no layer; when `service` is given, `password` and `admin` are ignored. Give either one a token with `POST /api/users/{login}/token`.",
        "operationId": "createUser",
        "parameters": [
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "The user to create.",
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewUser"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created.",
            "headers": {
              "Location": {
                "$ref": "#/components/headers/Location",
                "description": "`/api/users/{login}` of the new user."
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/User"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Missing body, malformed JSON, a missing or mistyped field, an unknown `service`; a person's login that is not in the chain (`field: login`); a password shorter than 10 characters (`field: password`); a service account login that is not letters, digits, dots, dashes and underscores (`field: login`)."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "Not an admin, a service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "409": {
            "$ref": "#/components/responses/Conflict",
            "description": "A user with this login already exists, or the login is not one of a person of the command chain in force (`field: login`)."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/users/{login}": {
      "get": {
        "tags": [
          "users"
        ],
        "summary": "One user",
        "description": "Admins only. Where `Location` of a created user (or of a new token) points.",
        "operationId": "getUser",
        "parameters": [
          {
            "name": "login",
            "in": "path",
            "required": true,
            "description": "The user's login.",
            "schema": {
              "type": "string"
            },
            "example": "zhangmin"
          }
        ],
        "responses": {
          "200": {
            "description": "The user.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/User"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "Not an admin (service accounts never are), or the API token's person is no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such user."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/users/{login}/disable": {
      "post": {
        "tags": [
          "users"
        ],
        "summary": "Disable a user",
        "description": "Admins only. A disabled user can no longer sign in. No request body is read.",
        "operationId": "disableUser",
        "parameters": [
          {
            "name": "login",
            "in": "path",
            "required": true,
            "description": "The user's login.",
            "schema": {
              "type": "string"
            },
            "example": "zhangmin"
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "responses": {
          "200": {
            "description": "The user, now disabled.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/User"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "Not an admin, a service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such user."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/users/{login}/token": {
      "post": {
        "tags": [
          "users"
        ],
        "summary": "Make a new API token for a user",
        "description": "Admins only. The token (`bcn_` and 43 URL-safe characters) is shown once, in this answer; only its SHA-256 hash is kept. Send it as `Authorization: Bearer <token>`. No request body is read.",
        "operationId": "createUserToken",
        "parameters": [
          {
            "name": "login",
            "in": "path",
            "required": true,
            "description": "The user's login.",
            "schema": {
              "type": "string"
            },
            "example": "zhangmin"
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "responses": {
          "201": {
            "description": "The new token.",
            "headers": {
              "Location": {
                "$ref": "#/components/headers/Location",
                "description": "`/api/users/{login}`: the token's user (a token has no path of its own)."
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApiToken"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "Not an admin, a service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such user."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/oncall": {
      "get": {
        "tags": [
          "on-call"
        ],
        "summary": "Who is on duty per layer",
        "description": "For each layer of the chain: who a page reaches at `at` (the person on duty, or everyone when the layer has no roster or its roster has a gap), until when, and who takes over next, with the overrides in force.",
        "operationId": "getOnCall",
        "parameters": [
          {
            "name": "at",
            "in": "query",
            "required": false,
            "description": "The moment to look at, by default now: a local time in the configuration's `time_zone` (`2026-12-08T21:00`, seconds optional) or an RFC 3339 date-time. Anything else answers 400 with `field: at`.",
            "schema": {
              "$ref": "#/components/schemas/TimeInput"
            },
            "example": "2026-12-08T21:00"
          }
        ],
        "responses": {
          "200": {
            "description": "Who is on duty.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OnCallReport"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "`at` is neither a local time nor an RFC 3339 time (`field: at`)."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "The API token's person is no longer in the command chain."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/rosters/{roster}/overrides": {
      "get": {
        "tags": [
          "on-call"
        ],
        "summary": "A roster's overrides in force now or later",
        "description": "The roster's overrides that have not ended and were not removed, by start time (then id). Paginated: the next page's cursor resumes with the overrides whose id is above the last one of the page.",
        "operationId": "listOverrides",
        "parameters": [
          {
            "name": "roster",
            "in": "path",
            "required": true,
            "description": "A roster id of `beacon.yaml`'s `rosters`.",
            "schema": {
              "type": "string"
            },
            "example": "cs-duty"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of overrides.",
            "headers": {
              "Link": {
                "$ref": "#/components/headers/Link"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/RosterOverride"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "`limit` or `cursor` is malformed; `field` names it."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "The API token's person is no longer in the command chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such roster in the configuration."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "tags": [
          "on-call"
        ],
        "summary": "Put someone on duty for a while",
        "description": "A swap, a shift taken or given: `person` is on duty from `from` to `to`, over every layer of the roster. Only people of the layer the roster serves, or an admin. Noted on the timeline of every active incident whose severity pages that layer.",
        "operationId": "createOverride",
        "parameters": [
          {
            "name": "roster",
            "in": "path",
            "required": true,
            "description": "A roster id of `beacon.yaml`'s `rosters`.",
            "schema": {
              "type": "string"
            },
            "example": "cs-duty"
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "The override.",
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewOverride"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Stored.",
            "headers": {
              "Location": {
                "$ref": "#/components/headers/Location",
                "description": "`/api/rosters/{roster}/overrides/{id}` of the new override."
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RosterOverride"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Missing body, malformed JSON, a missing or mistyped field; `from` or `to` not a time (`field` names it); the person is not of the layer the roster serves; no layer uses the roster; or `to` is not after `from`."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "Not a person of the layer the roster serves (nor an admin), a service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No such roster in the configuration."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/rosters/{roster}/overrides/{id}": {
      "get": {
        "tags": [
          "on-call"
        ],
        "summary": "One override",
        "description": "An override of the roster that was not removed, whether it has ended or not. Where `Location` of a created override points.",
        "operationId": "getOverride",
        "parameters": [
          {
            "name": "roster",
            "in": "path",
            "required": true,
            "description": "A roster id of `beacon.yaml`'s `rosters`.",
            "schema": {
              "type": "string"
            },
            "example": "cs-duty"
          },
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The override's id. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 4
          }
        ],
        "responses": {
          "200": {
            "description": "The override.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RosterOverride"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "The API token's person is no longer in the command chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No override with this id (or the id is not an integer), it was removed, or it belongs to another roster."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "delete": {
        "tags": [
          "on-call"
        ],
        "summary": "Remove an override",
        "description": "Only people of the layer the roster serves, or an admin. The override is kept as removed, and the removal noted on the timeline of every active incident whose severity pages that layer.",
        "operationId": "deleteOverride",
        "parameters": [
          {
            "name": "roster",
            "in": "path",
            "required": true,
            "description": "A roster id of `beacon.yaml`'s `rosters`.",
            "schema": {
              "type": "string"
            },
            "example": "cs-duty"
          },
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The override's id. A path segment that is not an integer answers 404.",
            "schema": {
              "type": "integer",
              "format": "int64"
            },
            "example": 4
          },
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "responses": {
          "204": {
            "description": "Removed.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "The override's person is no longer of the layer the roster serves, or no layer uses the roster."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "Not a person of the layer the roster serves (nor an admin), a service account, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "No override with this id in force in this roster (or the id is not an integer), or the roster is no longer configured."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/reports/weekly": {
      "get": {
        "tags": [
          "reports"
        ],
        "summary": "The weekly report as JSON",
        "description": "One ISO week: incidents by origin, category and peak severity, MTTA/MTTR per severity, deadlines met and missed per layer, the rules that fired most, follow-ups opened, closed and overdue, the workload per person, and the previous week's totals.",
        "operationId": "getWeeklyReport",
        "parameters": [
          {
            "name": "week",
            "in": "query",
            "required": false,
            "description": "An ISO 8601 week, `2026-W47` (or `2026W47`, any case, surrounding spaces ignored); absent or empty: the week containing now. Weeks run Monday 00:00 to the next Monday 00:00 in the configuration's `time_zone` (the server's when it sets none). A malformed week, or one the year does not have, answers 400 with `field: week`. Week 53 is valid in the years that have one.",
            "schema": {
              "type": "string",
              "pattern": "^([1-9][0-9]{3}-W(0[1-9]|[1-4][0-9]|5[0-2]))?$"
            },
            "example": "2026-W47"
          }
        ],
        "responses": {
          "200": {
            "description": "The report.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WeeklyReport"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "`week` is malformed or out of range (`field: week`)."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "The API token's person is no longer in the command chain."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/reports/weekly.md": {
      "get": {
        "tags": [
          "reports"
        ],
        "summary": "The weekly report as Markdown",
        "description": "The same report as Markdown, to forward.",
        "operationId": "getWeeklyReportMarkdown",
        "parameters": [
          {
            "name": "week",
            "in": "query",
            "required": false,
            "description": "An ISO 8601 week, `2026-W47` (or `2026W47`, any case, surrounding spaces ignored); absent or empty: the week containing now. Weeks run Monday 00:00 to the next Monday 00:00 in the configuration's `time_zone` (the server's when it sets none). A malformed week, or one the year does not have, answers 400 with `field: week`. Week 53 is valid in the years that have one.",
            "schema": {
              "type": "string",
              "pattern": "^([1-9][0-9]{3}-W(0[1-9]|[1-4][0-9]|5[0-2]))?$"
            },
            "example": "2026-W47"
          }
        ],
        "responses": {
          "200": {
            "description": "The Markdown text (`text/markdown; charset=utf-8`).",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "text/markdown": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "`week` is malformed or out of range (`field: week`)."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "The API token's person is no longer in the command chain."
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/intake/alertmanager": {
      "post": {
        "tags": [
          "intake"
        ],
        "summary": "Receive a Prometheus Alertmanager webhook",
        "description": "Alertmanager's webhook, version 4. Each alert, by its fingerprint (or its labels when it has none), opens an incident (origin `alertmanager`), raises its severity, or resolves it, with the same playbooks and paging as Beacon's own rules; a repeat changes nothing. The `severity` label maps to a severity (`critical`/`page`/`sev1`/`p1`/`disaster` → sev1, `major`/`error`/`high`/`sev2`/`p2` → sev2, `info`/`minor`/`low`/`sev4`/`p4`/`none` → sev4, anything else or none → sev3); a `category` label naming a category sets it (else `system`); the title is the `summary` annotation, else `title`, else the alert name. A person of the chain, or a service account with scope `intake`, may post.",
        "operationId": "receiveAlertmanagerWebhook",
        "parameters": [
          {
            "$ref": "#/components/parameters/CSRFToken"
          }
        ],
        "requestBody": {
          "description": "The webhook payload; keys Beacon does not read are ignored.",
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AlertmanagerWebhook"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What the alerts did.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IntakeSummary"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "Missing body, malformed JSON, a missing or mistyped field, `version` other than `4` (`field: version`), an alert status other than `firing`/`resolved` (`field: alerts[i].status`), or an alert without an `alertname` label (`field: alerts[i].labels.alertname`)."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "A service account with scope `read`, a session without its `X-CSRF-Token`, or a person no longer in the chain."
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/openapi.json": {
      "get": {
        "tags": [
          "system"
        ],
        "summary": "This OpenAPI 3.1 document",
        "operationId": "getOpenAPIDocument",
        "security": [],
        "responses": {
          "200": {
            "description": "The OpenAPI document describing every JSON API route.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "X-Content-Type-Options": {
                "$ref": "#/components/headers/XContentTypeOptions"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized",
            "description": "An `Authorization` header was sent and is not a valid API token (the authentication middleware checks a header on every route, public ones included)."
          },
          "403": {
            "$ref": "#/components/responses/Forbidden",
            "description": "The API token is valid but its person is no longer in the command chain."
          }
        }
      }
    },
    "/healthz": {
      "get": {
        "tags": [
          "system"
        ],
        "summary": "Health of this node for a load balancer",
        "description": "`ok`: the store answers, the monitor runs and notifications get through. `degraded` (still 200, with the reasons): Beacon runs but its messages do not arrive (a channel whose recent attempts all failed, or an active incident on which nobody was reached). `down` (503): the store does not answer or the monitor is stopped. Outside `/api`, so no `Cache-Control`/`X-Content-Type-Options` headers are added.",
        "operationId": "getHealth",
        "security": [],
        "responses": {
          "200": {
            "description": "Serving: status `ok` or `degraded`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/HealthReport"
                }
              }
            }
          },
          "503": {
            "description": "Not serving: status `down`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/HealthReport"
                }
              }
            }
          },
          "401": {
            "description": "An `Authorization` header was sent and is not a valid API token.",
            "headers": {
              "WWW-Authenticate": {
                "$ref": "#/components/headers/WWWAuthenticate"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The API token is valid but its person is no longer in the command chain.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "tags": [
          "system"
        ],
        "summary": "Prometheus metrics",
        "description": "Prometheus text exposition (`Content-Type: text/plain; version=0.0.4; charset=utf-8`): `beacon_polls_total` and `beacon_poll_failures_total` per source (its URL without credentials or query), `beacon_evaluation_seconds` (histogram), `beacon_incidents_open{severity}`, `beacon_outbox_depth`, `beacon_outbox_channel_depth{channel}`, `beacon_notifications_sent_total{channel}`, `beacon_notifications_failed_total{channel}`, `beacon_escalations_fired_total`; every family has `# HELP`. Outside `/api`, so no `Cache-Control`/`X-Content-Type-Options` headers are added.",
        "operationId": "getMetrics",
        "security": [],
        "responses": {
          "200": {
            "description": "The exposition text.",
            "content": {
              "text/plain; version=0.0.4": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "description": "An `Authorization` header was sent and is not a valid API token.",
            "headers": {
              "WWW-Authenticate": {
                "$ref": "#/components/headers/WWWAuthenticate"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The API token is valid but its person is no longer in the command chain.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "An API token from `beacon user token <login>` (or `POST /api/users/{login}/token`), sent as `Authorization: Bearer <token>`. A header that is not a valid token answers 401 on every route."
      },
      "session": {
        "type": "apiKey",
        "in": "cookie",
        "name": "beacon_session",
        "description": "The console's session cookie, set by signing in at `/login`. Requests that change state must also send the session's CSRF token as `X-CSRF-Token`."
      }
    },
    "parameters": {
      "CSRFToken": {
        "name": "X-CSRF-Token",
        "in": "header",
        "required": false,
        "description": "Required when authenticating with the session cookie: the session's CSRF token (403 when missing or wrong). Not needed with an API token.",
        "schema": {
          "type": "string"
        }
      },
      "Limit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "How many items per page. Out of range or not an integer answers 400 with `field: limit`.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 200,
          "default": 50
        }
      },
      "Cursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "Where the page starts: after the item with this number (incidents newest first, overrides oldest first), as the previous page's `Link` header gives it.",
        "schema": {
          "type": "string",
          "pattern": "^[1-9][0-9]{0,17}$"
        }
      },
      "LoginCursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "Where the page starts: after this login (users by login), as the previous page's `Link` header gives it.",
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z0-9._-]{1,64}$"
        }
      }
    },
    "headers": {
      "CacheControl": {
        "description": "Every `/api` answer, errors included: never cached.",
        "schema": {
          "type": "string",
          "const": "no-store"
        }
      },
      "XContentTypeOptions": {
        "description": "Every `/api` answer, errors included: never sniffed as another type.",
        "schema": {
          "type": "string",
          "const": "nosniff"
        }
      },
      "WWWAuthenticate": {
        "description": "The challenge of a 401: `Bearer realm=\"beacon\"` when no credentials were sent (or the session is not valid), `Bearer realm=\"beacon\", error=\"invalid_token\"` when an `Authorization` header is not a valid token.",
        "schema": {
          "type": "string",
          "enum": [
            "Bearer realm=\"beacon\"",
            "Bearer realm=\"beacon\", error=\"invalid_token\""
          ]
        }
      },
      "Location": {
        "description": "The path of the created resource.",
        "schema": {
          "type": "string"
        }
      },
      "Link": {
        "description": "Present only when there is a next page: `<…?limit=…&cursor=…>; rel=\"next\"`, the same path and query parameters (filters kept) with this page's `limit` and the cursor of the next page.",
        "schema": {
          "type": "string"
        },
        "example": "</api/incidents?status=open&limit=50&cursor=NDI>; rel=\"next\""
      },
      "Allow": {
        "description": "The methods the path accepts, comma-separated.",
        "schema": {
          "type": "string"
        },
        "example": "GET, POST"
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Bad input; `field` names the offending field or query parameter when there is one.",
        "headers": {
          "Cache-Control": {
            "$ref": "#/components/headers/CacheControl"
          },
          "X-Content-Type-Options": {
            "$ref": "#/components/headers/XContentTypeOptions"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Neither a valid API token nor a signed-in session (an `Authorization` header that is not a valid token is refused at once).",
        "headers": {
          "WWW-Authenticate": {
            "$ref": "#/components/headers/WWWAuthenticate"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/CacheControl"
          },
          "X-Content-Type-Options": {
            "$ref": "#/components/headers/XContentTypeOptions"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Forbidden": {
        "description": "Authenticated, but not allowed.",
        "headers": {
          "Cache-Control": {
            "$ref": "#/components/headers/CacheControl"
          },
          "X-Content-Type-Options": {
            "$ref": "#/components/headers/XContentTypeOptions"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "NotFound": {
        "description": "Not found.",
        "headers": {
          "Cache-Control": {
            "$ref": "#/components/headers/CacheControl"
          },
          "X-Content-Type-Options": {
            "$ref": "#/components/headers/XContentTypeOptions"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "MethodNotAllowed": {
        "description": "The path exists but not with this method.",
        "headers": {
          "Allow": {
            "$ref": "#/components/headers/Allow"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/CacheControl"
          },
          "X-Content-Type-Options": {
            "$ref": "#/components/headers/XContentTypeOptions"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Conflict": {
        "description": "The change conflicts with the state of the record.",
        "headers": {
          "Cache-Control": {
            "$ref": "#/components/headers/CacheControl"
          },
          "X-Content-Type-Options": {
            "$ref": "#/components/headers/XContentTypeOptions"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "ContentTooLarge": {
        "description": "The request body is larger than 64 KiB.",
        "headers": {
          "Cache-Control": {
            "$ref": "#/components/headers/CacheControl"
          },
          "X-Content-Type-Options": {
            "$ref": "#/components/headers/XContentTypeOptions"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "InternalError": {
        "description": "Something failed on the server (the store, most often).",
        "headers": {
          "Cache-Control": {
            "$ref": "#/components/headers/CacheControl"
          },
          "X-Content-Type-Options": {
            "$ref": "#/components/headers/XContentTypeOptions"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "description": "Every 4xx and 5xx answer: a sentence to show, and the offending field when there is one (a body key as `alerts[0].status` or `follow_ups[1].kind`, or a query parameter).",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "string",
            "description": "What is wrong, in a sentence safe to show a user."
          },
          "field": {
            "type": "string",
            "description": "The offending field; absent when the error is not about one."
          }
        }
      },
      "PostMortemProblems": {
        "description": "A 422 answer to a post-mortem edit: the first problem in `error` and `field`, and all of them in `problems`.",
        "allOf": [
          {
            "$ref": "#/components/schemas/Error"
          },
          {
            "type": "object",
            "required": [
              "problems"
            ],
            "properties": {
              "problems": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "field",
                    "reason"
                  ],
                  "properties": {
                    "field": {
                      "type": "string",
                      "description": "Path of the field (`follow_ups[1].due`); empty for the body as a whole."
                    },
                    "reason": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          }
        ]
      },
      "Severity": {
        "type": "string",
        "description": "How bad an incident is, from `sev1` (critical) to `sev4` (minor).",
        "enum": [
          "sev1",
          "sev2",
          "sev3",
          "sev4"
        ]
      },
      "IncidentStatus": {
        "type": "string",
        "description": "Where an incident is in its life: open → acknowledged → mitigated → resolved → closed.",
        "enum": [
          "open",
          "acknowledged",
          "mitigated",
          "resolved",
          "closed"
        ]
      },
      "Category": {
        "type": "string",
        "description": "The kind of emergency.",
        "enum": [
          "traffic",
          "system",
          "sentiment",
          "complaint",
          "service",
          "logistics",
          "security"
        ]
      },
      "Layer": {
        "type": "string",
        "description": "A level of the three-level command chain: operation (on-call leads), execution (directors), decision (executives).",
        "enum": [
          "operation",
          "execution",
          "decision"
        ]
      },
      "IncidentOrigin": {
        "type": "string",
        "description": "How an incident came to be: one of Beacon's rules, declared by a person, or received from Alertmanager.",
        "enum": [
          "rule",
          "declared",
          "alertmanager"
        ]
      },
      "TimelineKind": {
        "type": "string",
        "description": "What a timeline event records.",
        "enum": [
          "opened",
          "declared",
          "severity_raised",
          "severity_eased",
          "acknowledged",
          "mitigated",
          "resolved",
          "closed",
          "note",
          "playbook_started",
          "step",
          "paged",
          "escalated",
          "approval",
          "instruction",
          "notification",
          "postmortem"
        ]
      },
      "StepState": {
        "type": "string",
        "description": "Where a playbook step stands: `pending` (the incident has not reached its `min_severity`), `due`, `done`, `skipped` (not needed: the incident resolved first), `missed` (its deadline passed; it can still be done, late).",
        "enum": [
          "pending",
          "due",
          "done",
          "skipped",
          "missed"
        ]
      },
      "ApprovalState": {
        "type": "string",
        "description": "Where an approval stands.",
        "enum": [
          "pending",
          "approved",
          "rejected",
          "expired"
        ]
      },
      "NotificationKind": {
        "type": "string",
        "description": "Why a notification is sent.",
        "enum": [
          "page",
          "raised",
          "escalation",
          "reminder",
          "approval_request",
          "approval_outcome",
          "instruction",
          "resolved",
          "handoff",
          "handed_over",
          "invitation"
        ]
      },
      "NotificationState": {
        "type": "string",
        "description": "Where a notification stands: `failed` means given up on this channel (the person's next channel, if any, has its own notification).",
        "enum": [
          "pending",
          "delivered",
          "failed"
        ]
      },
      "ServiceScope": {
        "type": "string",
        "description": "What a service account may do: `read` reads what a person may read; `intake` also posts to `/api/intake/alertmanager`.",
        "enum": [
          "read",
          "intake"
        ]
      },
      "FollowUpKind": {
        "type": "string",
        "description": "What a follow-up changes.",
        "enum": [
          "plan",
          "knowledge_base",
          "training",
          "other"
        ]
      },
      "FollowUpStatus": {
        "type": "string",
        "description": "Where a follow-up stands.",
        "enum": [
          "open",
          "done",
          "wont_do"
        ]
      },
      "FindingKind": {
        "type": "string",
        "description": "The three questions every post-mortem answers.",
        "enum": [
          "warned_early",
          "responded_fast",
          "fully_solved"
        ]
      },
      "TimeInput": {
        "type": "string",
        "description": "A time as people write it: a local time in the configuration's `time_zone` (`2026-12-08T20:00` or `2026-12-08T20:00:30`) or an RFC 3339 date-time with its own offset (`2026-12-08T12:00:00Z`; fractions of up to 9 digits, `T`/`Z` in either case). Days 29 to 31 are valid where the month has them.",
        "anyOf": [
          {
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
          },
          {
            "format": "date-time"
          }
        ]
      },
      "Incident": {
        "type": "object",
        "description": "An incident as lists and actions show it (no `timeline`). Optional fields are absent, never `null`, when unset.",
        "required": [
          "id",
          "title",
          "status",
          "severity",
          "peak_severity",
          "category",
          "origin",
          "fingerprint",
          "labels",
          "opened_at",
          "updated_at"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/IncidentStatus"
          },
          "severity": {
            "$ref": "#/components/schemas/Severity"
          },
          "peak_severity": {
            "$ref": "#/components/schemas/Severity",
            "description": "The worst severity it has had."
          },
          "category": {
            "$ref": "#/components/schemas/Category"
          },
          "origin": {
            "$ref": "#/components/schemas/IncidentOrigin"
          },
          "rule": {
            "type": "string",
            "description": "The id of the rule that opened it; absent unless `origin` is `rule`."
          },
          "fingerprint": {
            "type": "string",
            "description": "The rule+series (or alert) identity: one active incident per fingerprint."
          },
          "labels": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "The labels of the series or alert; empty for a declared incident."
          },
          "value": {
            "type": "number",
            "description": "The latest value seen; absent when there is none."
          },
          "threshold": {
            "type": "number",
            "description": "The threshold breached; absent when there is none."
          },
          "peak_value": {
            "type": "number",
            "description": "The worst value seen; absent when there is none."
          },
          "first_breach_at": {
            "type": "string",
            "format": "date-time",
            "description": "When the breach started; absent when unknown."
          },
          "opened_at": {
            "type": "string",
            "format": "date-time"
          },
          "acknowledged_at": {
            "type": "string",
            "format": "date-time",
            "description": "Absent until acknowledged."
          },
          "mitigated_at": {
            "type": "string",
            "format": "date-time",
            "description": "Absent until mitigated."
          },
          "resolved_at": {
            "type": "string",
            "format": "date-time",
            "description": "Absent until resolved."
          },
          "closed_at": {
            "type": "string",
            "format": "date-time",
            "description": "Absent until closed."
          },
          "updated_at": {
            "type": "string",
            "format": "date-time"
          },
          "declared_by": {
            "type": "string",
            "description": "Who declared it; absent unless `origin` is `declared`."
          },
          "description": {
            "type": "string",
            "description": "What the person declaring it, or the alert's `description` annotation, says beyond the title. Absent when nothing was said."
          },
          "firing_tiers": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Severity"
            },
            "description": "For an incident from Alertmanager: the severities of its alerts firing now (one alert in tiers: `severity: warning` and `critical`), highest first. Absent for other incidents."
          }
        }
      },
      "IncidentDetail": {
        "type": "object",
        "description": "An incident with everything recorded about it: the `Incident` fields plus its timeline (oldest first), playbook run, approvals, notifications and post-mortem status.",
        "required": [
          "id",
          "title",
          "status",
          "severity",
          "peak_severity",
          "category",
          "origin",
          "fingerprint",
          "labels",
          "opened_at",
          "updated_at",
          "timeline",
          "playbook_run",
          "approvals",
          "notifications",
          "post_mortem"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/IncidentStatus"
          },
          "severity": {
            "$ref": "#/components/schemas/Severity"
          },
          "peak_severity": {
            "$ref": "#/components/schemas/Severity",
            "description": "The worst severity it has had."
          },
          "category": {
            "$ref": "#/components/schemas/Category"
          },
          "origin": {
            "$ref": "#/components/schemas/IncidentOrigin"
          },
          "rule": {
            "type": "string",
            "description": "The id of the rule that opened it; absent unless `origin` is `rule`."
          },
          "fingerprint": {
            "type": "string",
            "description": "The rule+series (or alert) identity: one active incident per fingerprint."
          },
          "labels": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "The labels of the series or alert; empty for a declared incident."
          },
          "value": {
            "type": "number",
            "description": "The latest value seen; absent when there is none."
          },
          "threshold": {
            "type": "number",
            "description": "The threshold breached; absent when there is none."
          },
          "peak_value": {
            "type": "number",
            "description": "The worst value seen; absent when there is none."
          },
          "first_breach_at": {
            "type": "string",
            "format": "date-time",
            "description": "When the breach started; absent when unknown."
          },
          "opened_at": {
            "type": "string",
            "format": "date-time"
          },
          "acknowledged_at": {
            "type": "string",
            "format": "date-time",
            "description": "Absent until acknowledged."
          },
          "mitigated_at": {
            "type": "string",
            "format": "date-time",
            "description": "Absent until mitigated."
          },
          "resolved_at": {
            "type": "string",
            "format": "date-time",
            "description": "Absent until resolved."
          },
          "closed_at": {
            "type": "string",
            "format": "date-time",
            "description": "Absent until closed."
          },
          "updated_at": {
            "type": "string",
            "format": "date-time"
          },
          "declared_by": {
            "type": "string",
            "description": "Who declared it; absent unless `origin` is `declared`."
          },
          "timeline": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TimelineEvent"
            }
          },
          "playbook_run": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RunStep"
            }
          },
          "approvals": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Approval"
            }
          },
          "notifications": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Notification"
            }
          },
          "post_mortem": {
            "description": "Where its post-mortem stands; `null` until the incident resolves.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/PostMortemStatus"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "TimelineEvent": {
        "type": "object",
        "description": "One entry of an incident's timeline.",
        "required": [
          "at",
          "kind",
          "actor",
          "message"
        ],
        "properties": {
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "kind": {
            "$ref": "#/components/schemas/TimelineKind"
          },
          "actor": {
            "type": "string",
            "description": "A person's login, or `beacon` for what Beacon did by itself."
          },
          "message": {
            "type": "string",
            "description": "What happened, in one English sentence."
          }
        }
      },
      "RunStep": {
        "type": "object",
        "description": "A playbook step as applied to one incident. Optional fields are absent when unset.",
        "required": [
          "id",
          "title",
          "owner",
          "state",
          "approval"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "The step's id in its playbook."
          },
          "title": {
            "type": "string"
          },
          "owner": {
            "$ref": "#/components/schemas/Layer"
          },
          "state": {
            "$ref": "#/components/schemas/StepState"
          },
          "due_at": {
            "type": "string",
            "format": "date-time",
            "description": "When it is (next) due; absent when it has no deadline."
          },
          "every_seconds": {
            "type": "number",
            "description": "The period of a recurring step, in seconds; absent for a one-off step."
          },
          "approval": {
            "type": "boolean",
            "description": "Whether the step asks the decision layer to approve."
          },
          "min_severity": {
            "$ref": "#/components/schemas/Severity",
            "description": "The severity the incident must reach for the step to activate; absent when it always applies."
          },
          "message": {
            "type": "string",
            "description": "The step's user-facing message template; absent when it has none."
          },
          "done_at": {
            "type": "string",
            "format": "date-time",
            "description": "When it was (last) done; absent until then."
          },
          "done_by": {
            "type": "string",
            "description": "Who did it; absent until done."
          },
          "note": {
            "type": "string",
            "description": "The note given when it was done; absent when none."
          }
        }
      },
      "Approval": {
        "type": "object",
        "description": "A question put to the decision layer, and its answer. Optional fields are absent until answered.",
        "required": [
          "id",
          "step",
          "title",
          "state",
          "requested_at",
          "expires_at"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "step": {
            "type": "string",
            "description": "The id of the playbook step that asks."
          },
          "title": {
            "type": "string"
          },
          "state": {
            "$ref": "#/components/schemas/ApprovalState"
          },
          "requested_at": {
            "type": "string",
            "format": "date-time"
          },
          "expires_at": {
            "type": "string",
            "format": "date-time"
          },
          "answered_by": {
            "type": "string"
          },
          "answered_at": {
            "type": "string",
            "format": "date-time"
          },
          "comment": {
            "type": "string"
          }
        }
      },
      "Notification": {
        "type": "object",
        "description": "A notification of the outbox about the incident.",
        "required": [
          "id",
          "kind",
          "person",
          "layer",
          "channel",
          "state",
          "attempts",
          "created_at"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "kind": {
            "$ref": "#/components/schemas/NotificationKind"
          },
          "person": {
            "type": "string",
            "description": "The recipient: their login, or their name when they have none."
          },
          "layer": {
            "$ref": "#/components/schemas/Layer"
          },
          "channel": {
            "type": "string",
            "description": "The channel id of `beacon.yaml`."
          },
          "state": {
            "$ref": "#/components/schemas/NotificationState"
          },
          "attempts": {
            "type": "integer"
          },
          "last_error": {
            "type": "string",
            "description": "Why the last attempt failed; absent when none did."
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          },
          "delivered_at": {
            "type": "string",
            "format": "date-time",
            "description": "Absent until delivered."
          }
        }
      },
      "PostMortemStatus": {
        "type": "object",
        "description": "A post-mortem in brief; the whole of it is at `/api/incidents/{id}/postmortem`.",
        "required": [
          "owner",
          "due_at",
          "missing_for_close",
          "follow_ups",
          "follow_ups_open"
        ],
        "properties": {
          "owner": {
            "$ref": "#/components/schemas/Layer",
            "description": "The layer that writes it."
          },
          "due_at": {
            "type": "string",
            "format": "date-time"
          },
          "missing_for_close": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "What keeps the incident from closing, as phrases; empty when it may close."
          },
          "follow_ups": {
            "type": "integer",
            "description": "How many follow-ups it has."
          },
          "follow_ups_open": {
            "type": "integer",
            "description": "How many of them are still open."
          }
        }
      },
      "IncidentDeclaration": {
        "type": "object",
        "description": "An incident a person declares. Unknown keys are ignored.",
        "required": [
          "title",
          "category",
          "severity"
        ],
        "properties": {
          "title": {
            "type": "string",
            "description": "Must not be blank.",
            "minLength": 1,
            "pattern": "\\S"
          },
          "category": {
            "$ref": "#/components/schemas/Category"
          },
          "severity": {
            "$ref": "#/components/schemas/Severity"
          },
          "description": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 2000,
            "description": "What is known so far, beyond the title (at most 2000 characters once trimmed)."
          }
        }
      },
      "IncidentNote": {
        "type": "object",
        "description": "An optional note for the timeline. Unknown keys are ignored.",
        "properties": {
          "note": {
            "type": [
              "string",
              "null"
            ],
            "description": "Recorded on the timeline (trimmed; blank is no note)."
          }
        }
      },
      "Escalation": {
        "type": "object",
        "description": "Whom to page by hand. Unknown keys are ignored.",
        "properties": {
          "layer": {
            "description": "The layer to page; absent or `null`: the next layer up not paged yet.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/Layer"
              },
              {
                "type": "null"
              }
            ]
          },
          "note": {
            "type": [
              "string",
              "null"
            ],
            "description": "Recorded with the escalation."
          }
        }
      },
      "EscalationResult": {
        "type": "object",
        "description": "What a manual escalation did.",
        "required": [
          "notifications_queued"
        ],
        "properties": {
          "notifications_queued": {
            "type": "integer",
            "description": "How many notifications it queued."
          }
        }
      },
      "Instruction": {
        "type": "object",
        "description": "The decision layer's instruction. Unknown keys are ignored.",
        "required": [
          "text"
        ],
        "properties": {
          "text": {
            "type": "string",
            "description": "Not blank; at most 2000 characters once trimmed.",
            "maxLength": 2000,
            "minLength": 1,
            "pattern": "\\S"
          }
        }
      },
      "SeverityChange": {
        "type": "object",
        "description": "A severity set by hand. Unknown keys are ignored.",
        "required": [
          "severity",
          "reason"
        ],
        "properties": {
          "severity": {
            "$ref": "#/components/schemas/Severity",
            "description": "The new severity; must differ from the current one."
          },
          "reason": {
            "type": "string",
            "minLength": 1,
            "description": "Why the severity changes; must not be blank.",
            "pattern": "\\S"
          }
        }
      },
      "ApprovalAnswer": {
        "type": "object",
        "description": "An answer to an approval. Unknown keys are ignored.",
        "required": [
          "decision"
        ],
        "properties": {
          "decision": {
            "type": "string",
            "enum": [
              "approve",
              "reject"
            ]
          },
          "comment": {
            "type": [
              "string",
              "null"
            ],
            "description": "Kept with the answer (trimmed; blank is no comment)."
          }
        }
      },
      "User": {
        "type": "object",
        "description": "A user as the API shows it, never its password hash.",
        "required": [
          "login",
          "name",
          "admin",
          "disabled",
          "created_at"
        ],
        "properties": {
          "login": {
            "type": "string"
          },
          "name": {
            "type": "string",
            "description": "A person's name as stored (the chain's at creation); a service account's login."
          },
          "layer": {
            "$ref": "#/components/schemas/Layer",
            "description": "A person's layer as stored; absent for a service account."
          },
          "service": {
            "$ref": "#/components/schemas/ServiceScope",
            "description": "A service account's scope; absent for a person."
          },
          "admin": {
            "type": "boolean"
          },
          "disabled": {
            "type": "boolean"
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "NewUser": {
        "type": "object",
        "description": "A person of the chain (`login`, `password`, optionally `admin`) or a service account (`login`, `service`). Unknown keys are ignored.",
        "required": [
          "login"
        ],
        "properties": {
          "login": {
            "type": "string",
            "description": "A person's login as the chain in `beacon.yaml` has it; for a service account, letters, digits, dots, dashes and underscores.",
            "minLength": 1,
            "pattern": "^[A-Za-z0-9._-]+$",
            "maxLength": 64
          },
          "password": {
            "type": [
              "string",
              "null"
            ],
            "minLength": 10,
            "description": "Required for a person: at least 10 characters. Ignored for a service account."
          },
          "admin": {
            "type": [
              "boolean",
              "null"
            ],
            "description": "Whether the person manages users; default false. Ignored for a service account."
          },
          "service": {
            "description": "Makes a service account with this scope instead of a person.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/ServiceScope"
              },
              {
                "type": "null"
              }
            ]
          }
        },
        "anyOf": [
          {
            "required": [
              "service"
            ],
            "properties": {
              "service": {
                "$ref": "#/components/schemas/ServiceScope"
              }
            }
          },
          {
            "required": [
              "password"
            ],
            "properties": {
              "password": {
                "type": "string"
              }
            }
          }
        ]
      },
      "ApiToken": {
        "type": "object",
        "description": "A new API token, shown once.",
        "required": [
          "login",
          "token"
        ],
        "properties": {
          "login": {
            "type": "string"
          },
          "token": {
            "type": "string",
            "pattern": "^bcn_[A-Za-z0-9_-]{43}$",
            "description": "Send as `Authorization: Bearer <token>`."
          }
        }
      },
      "OnCallShift": {
        "type": "object",
        "description": "A person on duty for a while.",
        "required": [
          "login",
          "name"
        ],
        "properties": {
          "login": {
            "type": "string",
            "description": "The person's id in the chain: their login, or their name when they have none."
          },
          "name": {
            "type": "string"
          },
          "from": {
            "type": "string",
            "format": "date-time",
            "description": "When they take over; present only in `next`."
          },
          "until": {
            "type": "string",
            "format": "date-time",
            "description": "When someone else takes over; absent when the layer has no roster (everyone, always) or nothing changes within the horizon looked at."
          }
        }
      },
      "OnCallLayer": {
        "type": "object",
        "description": "Who holds one layer.",
        "required": [
          "layer",
          "on_duty",
          "next",
          "gap",
          "overridden"
        ],
        "properties": {
          "layer": {
            "$ref": "#/components/schemas/Layer"
          },
          "roster": {
            "type": "string",
            "description": "The roster the layer follows; absent when it has none."
          },
          "on_duty": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OnCallShift"
            },
            "description": "Whoever a page reaches now: the person on duty, or everyone of the layer when it has no roster or a gap."
          },
          "next": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OnCallShift"
            },
            "description": "Who takes over at `on_duty`'s end; empty when nobody or unknown."
          },
          "gap": {
            "type": "boolean",
            "description": "The roster has nobody on duty now, so the whole layer would be paged."
          },
          "overridden": {
            "type": "boolean",
            "description": "An override, not the rotation, put the person on duty."
          }
        }
      },
      "OnCallReport": {
        "type": "object",
        "description": "Who holds each layer at a moment.",
        "required": [
          "at",
          "layers"
        ],
        "properties": {
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "layers": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OnCallLayer"
            },
            "description": "operation, execution, decision, in that order."
          }
        }
      },
      "RosterOverride": {
        "type": "object",
        "description": "An override of a roster: who is on duty from when to when, who made it and why.",
        "required": [
          "id",
          "roster",
          "person",
          "from_at",
          "to_at",
          "created_by",
          "created_at"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "roster": {
            "type": "string"
          },
          "person": {
            "type": "string",
            "description": "The person put on duty: their login (or name when they have none)."
          },
          "from_at": {
            "type": "string",
            "format": "date-time",
            "description": "When it starts."
          },
          "to_at": {
            "type": "string",
            "format": "date-time",
            "description": "When it ends (not included)."
          },
          "created_by": {
            "type": "string",
            "description": "The login of who made it."
          },
          "reason": {
            "type": "string",
            "description": "Absent when none was given."
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "NewOverride": {
        "type": "object",
        "description": "An override to store. Unknown keys are ignored.",
        "required": [
          "person",
          "from",
          "to"
        ],
        "properties": {
          "person": {
            "type": "string",
            "description": "A login or name of a person of the layer the roster serves.",
            "minLength": 1,
            "pattern": "\\S"
          },
          "from": {
            "$ref": "#/components/schemas/TimeInput",
            "description": "When it starts."
          },
          "to": {
            "$ref": "#/components/schemas/TimeInput",
            "description": "When it ends; must be after `from`."
          },
          "reason": {
            "type": [
              "string",
              "null"
            ],
            "description": "Why; shown on incidents' timelines."
          }
        }
      },
      "WeekTotals": {
        "type": "object",
        "description": "How many incidents opened in a week, how they came, and where they stand at report time. `active + resolved + closed == incidents`, `by_rule + from_alertmanager + declared == incidents`.",
        "required": [
          "incidents",
          "by_rule",
          "from_alertmanager",
          "declared",
          "active",
          "resolved",
          "closed"
        ],
        "properties": {
          "incidents": {
            "type": "integer"
          },
          "by_rule": {
            "type": "integer"
          },
          "from_alertmanager": {
            "type": "integer"
          },
          "declared": {
            "type": "integer"
          },
          "active": {
            "type": "integer",
            "description": "Open, acknowledged or mitigated at report time."
          },
          "resolved": {
            "type": "integer",
            "description": "Resolved, post-mortem not yet done, at report time."
          },
          "closed": {
            "type": "integer"
          }
        }
      },
      "ISOWeek": {
        "type": "string",
        "pattern": "^[0-9]{4}-W[0-9]{2}$",
        "description": "An ISO 8601 week.",
        "examples": [
          "2026-W47"
        ]
      },
      "Durations": {
        "type": "object",
        "description": "Summary of one milestone's delays, in seconds.",
        "required": [
          "count",
          "missing"
        ],
        "properties": {
          "count": {
            "type": "integer",
            "description": "How many incidents reached the milestone."
          },
          "missing": {
            "type": "integer",
            "description": "How many have not reached it."
          },
          "mean_seconds": {
            "type": "number",
            "description": "Absent when `count` is 0."
          },
          "median_seconds": {
            "type": "number",
            "description": "Absent when `count` is 0."
          }
        }
      },
      "WeeklyReport": {
        "type": "object",
        "description": "The weekly statistics of one ISO week.",
        "required": [
          "week",
          "time_zone",
          "first_day",
          "last_day",
          "starts_at",
          "ends_at",
          "generated_at",
          "totals",
          "previous_week",
          "by_category",
          "by_severity",
          "response_times",
          "deadlines",
          "top_rules",
          "follow_ups",
          "workload"
        ],
        "properties": {
          "week": {
            "$ref": "#/components/schemas/ISOWeek"
          },
          "time_zone": {
            "type": "string",
            "description": "The time zone whose midnights bound the week.",
            "examples": [
              "Asia/Shanghai"
            ]
          },
          "first_day": {
            "type": "string",
            "format": "date",
            "description": "The week's Monday."
          },
          "last_day": {
            "type": "string",
            "format": "date",
            "description": "The week's Sunday."
          },
          "starts_at": {
            "type": "string",
            "format": "date-time",
            "description": "Monday 00:00."
          },
          "ends_at": {
            "type": "string",
            "format": "date-time",
            "description": "The next Monday 00:00 (not included)."
          },
          "generated_at": {
            "type": "string",
            "format": "date-time",
            "description": "When the report was computed: statuses and running deadlines are as of then."
          },
          "totals": {
            "$ref": "#/components/schemas/WeekTotals"
          },
          "previous_week": {
            "type": "object",
            "description": "The previous week's totals.",
            "required": [
              "week",
              "totals"
            ],
            "properties": {
              "week": {
                "$ref": "#/components/schemas/ISOWeek"
              },
              "totals": {
                "$ref": "#/components/schemas/WeekTotals"
              }
            }
          },
          "by_category": {
            "type": "array",
            "description": "Every category, most incidents first.",
            "items": {
              "type": "object",
              "required": [
                "category",
                "count",
                "share_percent"
              ],
              "properties": {
                "category": {
                  "$ref": "#/components/schemas/Category"
                },
                "count": {
                  "type": "integer"
                },
                "share_percent": {
                  "type": "number",
                  "description": "To one decimal; 0 when there were none."
                }
              }
            }
          },
          "by_severity": {
            "type": "array",
            "description": "By peak severity, sev1 to sev4.",
            "items": {
              "type": "object",
              "required": [
                "severity",
                "count",
                "share_percent"
              ],
              "properties": {
                "severity": {
                  "$ref": "#/components/schemas/Severity"
                },
                "count": {
                  "type": "integer"
                },
                "share_percent": {
                  "type": "number"
                }
              }
            }
          },
          "response_times": {
            "type": "array",
            "description": "MTTA and MTTR by peak severity, sev1 to sev4.",
            "items": {
              "type": "object",
              "required": [
                "severity",
                "acknowledge",
                "resolve"
              ],
              "properties": {
                "severity": {
                  "$ref": "#/components/schemas/Severity"
                },
                "acknowledge": {
                  "$ref": "#/components/schemas/Durations",
                  "description": "Opened → acknowledged."
                },
                "resolve": {
                  "$ref": "#/components/schemas/Durations",
                  "description": "Opened → resolved."
                }
              }
            }
          },
          "deadlines": {
            "type": "array",
            "description": "Deadline compliance by layer: operation, execution, decision.",
            "items": {
              "type": "object",
              "required": [
                "layer",
                "met",
                "missed",
                "running",
                "not_owed"
              ],
              "properties": {
                "layer": {
                  "$ref": "#/components/schemas/Layer"
                },
                "met": {
                  "type": "integer"
                },
                "missed": {
                  "type": "integer"
                },
                "running": {
                  "type": "integer",
                  "description": "Not answered and not yet due."
                },
                "not_owed": {
                  "type": "integer",
                  "description": "The incident resolved before it was due."
                },
                "percent_met": {
                  "type": "number",
                  "description": "`met / (met + missed)` in percent, to one decimal; absent when nothing was due."
                }
              }
            }
          },
          "top_rules": {
            "type": "array",
            "description": "The rules that opened the most incidents, at most 10.",
            "items": {
              "type": "object",
              "required": [
                "rule_id",
                "title",
                "count"
              ],
              "properties": {
                "rule_id": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "count": {
                  "type": "integer"
                }
              }
            }
          },
          "follow_ups": {
            "type": "object",
            "description": "Follow-ups opened and closed in the week, and overdue when it ended.",
            "required": [
              "opened",
              "closed",
              "overdue_at",
              "overdue"
            ],
            "properties": {
              "opened": {
                "type": "integer"
              },
              "closed": {
                "type": "integer"
              },
              "overdue_at": {
                "type": "string",
                "format": "date-time",
                "description": "The week's end, or report time when the week is not over."
              },
              "overdue": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/FollowUp"
                },
                "description": "Open at `overdue_at` and due before it, oldest due first."
              }
            }
          },
          "workload": {
            "type": "array",
            "description": "Pages and acknowledgements per person, most pages first.",
            "items": {
              "type": "object",
              "required": [
                "person",
                "pages",
                "working_hours",
                "off_hours",
                "nights",
                "acknowledgements"
              ],
              "properties": {
                "person": {
                  "type": "string"
                },
                "pages": {
                  "type": "integer"
                },
                "working_hours": {
                  "type": "integer",
                  "description": "On working days, 09:00–18:00 local."
                },
                "off_hours": {
                  "type": "integer",
                  "description": "Evenings, weekends and holidays by day."
                },
                "nights": {
                  "type": "integer",
                  "description": "22:00–08:00 local, any day."
                },
                "acknowledgements": {
                  "$ref": "#/components/schemas/Durations",
                  "description": "The incidents they acknowledged, and how fast."
                }
              }
            }
          }
        }
      },
      "FollowUp": {
        "type": "object",
        "description": "An action the team commits to after an incident.",
        "required": [
          "id",
          "incident_id",
          "kind",
          "description",
          "owner",
          "due_at",
          "status"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "incident_id": {
            "type": "integer",
            "format": "int64"
          },
          "kind": {
            "$ref": "#/components/schemas/FollowUpKind"
          },
          "description": {
            "type": "string"
          },
          "owner": {
            "type": "string",
            "description": "Who does it: a login or name."
          },
          "due_at": {
            "type": "string",
            "format": "date-time",
            "description": "The last second (UTC) of its due day."
          },
          "status": {
            "$ref": "#/components/schemas/FollowUpStatus"
          },
          "reason": {
            "type": "string",
            "description": "Why it will not be done; absent when none."
          },
          "created_at": {
            "type": "string",
            "format": "date-time",
            "description": "When it was first stored; absent on rows older than the column."
          },
          "closed_at": {
            "type": "string",
            "format": "date-time",
            "description": "When it was marked done or won't do; absent while open."
          }
        }
      },
      "PostMortem": {
        "type": "object",
        "description": "What is stored of a post-mortem.",
        "required": [
          "incident_id",
          "owner",
          "due_at",
          "fields",
          "comments",
          "created_at",
          "updated_at"
        ],
        "properties": {
          "incident_id": {
            "type": "integer",
            "format": "int64"
          },
          "owner": {
            "$ref": "#/components/schemas/Layer",
            "description": "The layer that writes it."
          },
          "due_at": {
            "type": "string",
            "format": "date-time"
          },
          "fields": {
            "type": "object",
            "description": "What the team wrote; each key absent when empty.",
            "properties": {
              "root_cause": {
                "type": "string"
              },
              "trigger": {
                "type": "string",
                "description": "What set it off, as opposed to why it could happen."
              },
              "orders_affected": {
                "type": "integer"
              },
              "users_affected": {
                "type": "integer"
              },
              "revenue_at_risk": {
                "type": "number"
              }
            }
          },
          "comments": {
            "type": "object",
            "description": "The team's comment on each finding; a key is absent when there is none.",
            "properties": {
              "warned_early": {
                "type": "string"
              },
              "responded_fast": {
                "type": "string"
              },
              "fully_solved": {
                "type": "string"
              }
            }
          },
          "no_action_reason": {
            "type": "string",
            "description": "Why no follow-up is needed; absent when none."
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          },
          "updated_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "Participant": {
        "type": "object",
        "description": "A person in a post-mortem's Who.",
        "required": [
          "handle",
          "name"
        ],
        "properties": {
          "handle": {
            "type": "string",
            "description": "How the timeline names them: a login, or a name."
          },
          "name": {
            "type": "string"
          },
          "layer": {
            "$ref": "#/components/schemas/Layer",
            "description": "Absent for someone the chain does not know."
          },
          "role": {
            "type": "string",
            "description": "Their `role:` in the chain; absent when none."
          }
        }
      },
      "PostMortemDraft": {
        "type": "object",
        "description": "The 5W1H as far as the record tells it.",
        "required": [
          "what",
          "when",
          "who",
          "where_affected",
          "how"
        ],
        "properties": {
          "what": {
            "type": "object",
            "description": "What happened.",
            "required": [
              "title",
              "category",
              "peak_severity"
            ],
            "properties": {
              "title": {
                "type": "string"
              },
              "rule_id": {
                "type": "string",
                "description": "Absent for an incident no rule opened."
              },
              "category": {
                "$ref": "#/components/schemas/Category"
              },
              "peak_severity": {
                "$ref": "#/components/schemas/Severity"
              },
              "peak_value": {
                "type": "number",
                "description": "Absent when there is none."
              },
              "threshold": {
                "type": "number",
                "description": "Absent when there is none."
              }
            }
          },
          "when": {
            "type": "object",
            "description": "When each milestone happened, and how long the response took (seconds; each absent when a milestone is missing).",
            "required": [
              "milestones"
            ],
            "properties": {
              "milestones": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "name",
                    "kind",
                    "at"
                  ],
                  "properties": {
                    "name": {
                      "type": "string",
                      "description": "The milestone in English, such as \"Approval answered (Switch payment provider)\"."
                    },
                    "kind": {
                      "type": "string",
                      "enum": [
                        "impact_started",
                        "detected",
                        "acknowledged",
                        "assessed",
                        "approval_answered",
                        "mitigated",
                        "resolved"
                      ]
                    },
                    "approval": {
                      "type": "string",
                      "description": "For approval_answered: the approval's title."
                    },
                    "at": {
                      "type": "string",
                      "format": "date-time"
                    }
                  }
                }
              },
              "time_to_detect": {
                "type": "number",
                "description": "Impact start → opened."
              },
              "time_to_acknowledge": {
                "type": "number",
                "description": "Opened → acknowledged."
              },
              "time_to_mitigate": {
                "type": "number",
                "description": "Opened → mitigated."
              },
              "time_to_resolve": {
                "type": "number",
                "description": "Opened → resolved."
              }
            }
          },
          "who": {
            "type": "object",
            "description": "Who took part.",
            "required": [
              "people",
              "layers_paged",
              "acted",
              "paged"
            ],
            "properties": {
              "people": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Who acted until it resolved, as the timeline names them, in order of first action."
              },
              "layers_paged": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Layer"
                },
                "description": "In chain order."
              },
              "acted": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Participant"
                }
              },
              "paged": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "layer",
                    "duty",
                    "people"
                  ],
                  "properties": {
                    "layer": {
                      "$ref": "#/components/schemas/Layer"
                    },
                    "duty": {
                      "type": "string",
                      "description": "What the layer's people do (`directors`)."
                    },
                    "people": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Participant"
                      }
                    }
                  }
                }
              }
            }
          },
          "where_affected": {
            "type": "object",
            "description": "Where it hit.",
            "required": [
              "labels"
            ],
            "properties": {
              "labels": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              }
            }
          },
          "how": {
            "type": "object",
            "description": "How it was handled.",
            "required": [
              "steps",
              "approvals"
            ],
            "properties": {
              "steps": {
                "type": "array",
                "description": "Playbook steps done (approval steps are listed as approvals).",
                "items": {
                  "type": "object",
                  "required": [
                    "title",
                    "owner",
                    "done_at"
                  ],
                  "properties": {
                    "title": {
                      "type": "string"
                    },
                    "owner": {
                      "$ref": "#/components/schemas/Layer"
                    },
                    "done_by": {
                      "type": "string",
                      "description": "Absent when unknown."
                    },
                    "done_at": {
                      "type": "string",
                      "format": "date-time"
                    }
                  }
                }
              },
              "approvals": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "title",
                    "outcome",
                    "requested_at"
                  ],
                  "properties": {
                    "title": {
                      "type": "string"
                    },
                    "outcome": {
                      "$ref": "#/components/schemas/ApprovalState"
                    },
                    "requested_at": {
                      "type": "string",
                      "format": "date-time"
                    },
                    "answered_by": {
                      "type": "string",
                      "description": "Absent until answered."
                    },
                    "answered_at": {
                      "type": "string",
                      "format": "date-time",
                      "description": "Absent until answered."
                    }
                  }
                }
              }
            }
          }
        }
      },
      "Finding": {
        "type": "object",
        "description": "One of the three questions, with its verdict computed from the record.",
        "required": [
          "kind",
          "verdict",
          "evidence"
        ],
        "properties": {
          "kind": {
            "$ref": "#/components/schemas/FindingKind"
          },
          "verdict": {
            "type": "boolean",
            "description": "`true` when the answer is yes."
          },
          "evidence": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "PostMortemReport": {
        "type": "object",
        "description": "Everything a post-mortem shows.",
        "required": [
          "incident_id",
          "post_mortem",
          "draft",
          "findings",
          "follow_ups",
          "missing_for_close"
        ],
        "properties": {
          "incident_id": {
            "type": "integer",
            "format": "int64"
          },
          "post_mortem": {
            "$ref": "#/components/schemas/PostMortem"
          },
          "draft": {
            "$ref": "#/components/schemas/PostMortemDraft"
          },
          "findings": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Finding"
            },
            "description": "warned_early, responded_fast, fully_solved, in that order."
          },
          "follow_ups": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/FollowUp"
            }
          },
          "missing_for_close": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "What keeps the incident from closing; empty when it may close."
          }
        }
      },
      "PostMortemEdit": {
        "type": "object",
        "description": "The editable post-mortem document. A key left out or `null` is empty. Unknown keys, and keys that would set a verdict (`findings`, `verdict`, `warned_early` …), are refused with 422.",
        "properties": {
          "root_cause": {
            "type": [
              "string",
              "null"
            ],
            "description": "Why it could happen."
          },
          "trigger": {
            "type": [
              "string",
              "null"
            ],
            "description": "What set it off."
          },
          "impact": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": false,
            "properties": {
              "orders_affected": {
                "type": [
                  "integer",
                  "null"
                ],
                "minimum": 0,
                "maximum": 9007199254740991
              },
              "users_affected": {
                "type": [
                  "integer",
                  "null"
                ],
                "minimum": 0,
                "maximum": 9007199254740991
              },
              "revenue_at_risk": {
                "type": [
                  "number",
                  "null"
                ],
                "minimum": 0
              }
            }
          },
          "comments": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": false,
            "description": "A comment per finding. A yes/no value (`true`, `false`, a plain `yes`) is an attempt to set the computed verdict and is refused.",
            "properties": {
              "warned_early": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "responded_fast": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "fully_solved": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "no_action_reason": {
            "type": [
              "string",
              "null"
            ],
            "description": "Why no follow-up is needed (instead of at least one follow-up)."
          },
          "follow_ups": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/FollowUpEdit"
            },
            "description": "Every existing follow-up by its `id`, each once, and new ones without."
          }
        },
        "additionalProperties": false
      },
      "FollowUpEdit": {
        "type": "object",
        "description": "A follow-up in an edit: an existing one by `id`, or a new one without.",
        "required": [
          "kind",
          "description",
          "owner",
          "due"
        ],
        "properties": {
          "id": {
            "type": [
              "integer",
              "null"
            ],
            "format": "int64",
            "description": "An existing follow-up of this post-mortem."
          },
          "kind": {
            "$ref": "#/components/schemas/FollowUpKind"
          },
          "description": {
            "type": "string",
            "description": "Not blank."
          },
          "owner": {
            "type": "string",
            "description": "Not blank: who will do it."
          },
          "due": {
            "type": "string",
            "pattern": "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*$",
            "description": "A day, `YYYY-MM-DD` (UTC); a new or changed day must not have passed."
          },
          "status": {
            "description": "Default `open`.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/FollowUpStatus"
              },
              {
                "type": "null"
              }
            ]
          },
          "reason": {
            "type": [
              "string",
              "null"
            ],
            "description": "Required (not blank) when `status` is `wont_do`."
          }
        },
        "additionalProperties": false
      },
      "AlertmanagerWebhook": {
        "type": "object",
        "description": "Alertmanager's webhook payload (version 4); only the keys below are read, others (`receiver`, `groupLabels`, …) are ignored.",
        "required": [
          "version",
          "alerts"
        ],
        "properties": {
          "version": {
            "type": "string",
            "const": "4"
          },
          "alerts": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AlertmanagerAlert"
            }
          }
        }
      },
      "AlertmanagerAlert": {
        "type": "object",
        "description": "One alert of the payload; other keys are ignored.",
        "required": [
          "status",
          "labels"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "firing",
              "resolved"
            ]
          },
          "labels": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "Must include a non-empty `alertname`. Alerts whose labels differ only in `severity` are tiers of one incident; `severity` is read through `intake.severities` in beacon.yaml, else `critical`→sev1, `error`/`major`→sev2, `warning`→sev3, `info`→sev4, `sev1`…`sev4` as written; `category` names the incident's category.",
            "required": [
              "alertname"
            ],
            "properties": {
              "alertname": {
                "type": "string",
                "minLength": 1,
                "pattern": "\\S"
              }
            }
          },
          "annotations": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": {
              "type": "string"
            },
            "description": "`summary` (else `title`) becomes the incident's title (else the alert's name and the labels that tell its series apart: `HighErrorRate (sku=A17)`); `description` goes on the incident and its pages; a numeric `value` fills the incident's value."
          },
          "startsAt": {
            "type": [
              "string",
              "null"
            ],
            "description": "RFC 3339, with or without fractional seconds; ignored when unreadable."
          },
          "fingerprint": {
            "type": [
              "string",
              "null"
            ],
            "description": "Identifies the alert; its labels do when absent."
          }
        }
      },
      "IntakeSummary": {
        "type": "object",
        "description": "What a webhook's alerts did.",
        "required": [
          "received",
          "opened",
          "raised",
          "resolved",
          "unchanged"
        ],
        "properties": {
          "received": {
            "type": "integer"
          },
          "opened": {
            "type": "integer",
            "description": "Alerts that opened an incident."
          },
          "raised": {
            "type": "integer",
            "description": "Alerts that raised an incident's severity."
          },
          "resolved": {
            "type": "integer",
            "description": "Alerts that otherwise changed an incident (resolved it)."
          },
          "unchanged": {
            "type": "integer",
            "description": "Repeats, and resolved alerts with no active incident."
          }
        }
      },
      "HealthReport": {
        "type": "object",
        "description": "What `/healthz` reports.",
        "required": [
          "status",
          "store",
          "monitor",
          "targets",
          "failing_sources",
          "outbox_depth",
          "failing_channels",
          "unreached_incidents",
          "reasons"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok",
              "degraded",
              "down"
            ]
          },
          "store": {
            "type": "string",
            "enum": [
              "ok",
              "unavailable"
            ]
          },
          "monitor": {
            "type": "string",
            "enum": [
              "running",
              "stopped"
            ]
          },
          "targets": {
            "type": "integer"
          },
          "failing_sources": {
            "type": "integer"
          },
          "outbox_depth": {
            "type": "integer",
            "description": "Notifications waiting to be sent."
          },
          "failing_channels": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Channels whose latest attempts all failed, sorted."
          },
          "unreached_incidents": {
            "type": "array",
            "items": {
              "type": "integer",
              "format": "int64"
            },
            "description": "Active incidents on which nobody was reached."
          },
          "reasons": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Why the status is not `ok`."
          }
        }
      },
      "Reopening": {
        "type": "object",
        "description": "Why a closed incident reopens. Unknown keys are ignored.",
        "required": [
          "reason"
        ],
        "properties": {
          "reason": {
            "type": "string",
            "minLength": 1,
            "pattern": "\\S",
            "description": "Why it reopens; must not be blank."
          }
        }
      }
    }
  }
}
"""#
}
