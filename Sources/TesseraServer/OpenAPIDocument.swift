/// The OpenAPI 3.1 description of the service, served at `/api/v1/openapi.json`. It is kept
/// here, next to the routes; `OpenAPIDocumentTests` checks that its paths and the router's routes
/// are the same set, so the two cannot drift apart.
package enum OpenAPIDocument {
    /// The document, as JSON.
    package static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Tessera translation-memory service",
    "version": "1.0.0",
    "description": "The JSON API of `tessera serve` (Docs/SERVICE.md), plus amaGama/tmserver and MyMemory compatible endpoints. Every error is a JSON body `{\"error\": message}`. Reading needs a key with the `read` scope unless the server runs with `--anonymous-read`; `admin` endpoints always need an admin key.",
    "license": {
      "name": "Apache-2.0",
      "identifier": "Apache-2.0"
    }
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8080"
    }
  ],
  "security": [
    {
      "bearer": []
    }
  ],
  "paths": {
    "/health": {
      "get": {
        "operationId": "health",
        "summary": "Liveness",
        "security": [],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/openapi.json": {
      "get": {
        "operationId": "openapi",
        "summary": "This document",
        "security": [],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/lookup": {
      "get": {
        "operationId": "lookup",
        "summary": "Fuzzy matches of one sentence",
        "security": [
          {
            "bearer": []
          },
          {}
        ],
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": true,
            "description": "The text (at most 2,000 characters). Form-encoded: `+` is a space, `%2B` a plus.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 2000
            }
          },
          {
            "name": "source",
            "in": "query",
            "required": true,
            "description": "Source language (BCP 47 or `pt_BR` style).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "target",
            "in": "query",
            "required": false,
            "description": "Target languages, comma-separated (absent: all).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "min",
            "in": "query",
            "required": false,
            "description": "Lowest score (default 75).",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 101,
              "default": 75
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Most matches (default 5).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 50,
              "default": 5
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LookupResult"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "lookupBatch",
        "summary": "Fuzzy matches of up to 100 sentences",
        "security": [
          {
            "bearer": []
          },
          {}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/BatchLookupRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BatchLookupResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "415": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/concordance": {
      "get": {
        "operationId": "concordance",
        "summary": "Segments containing a phrase or words",
        "security": [
          {
            "bearer": []
          },
          {}
        ],
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": true,
            "description": "The text (at most 2,000 characters). Form-encoded: `+` is a space, `%2B` a plus.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 2000
            }
          },
          {
            "name": "lang",
            "in": "query",
            "required": true,
            "description": "The language searched.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "other",
            "in": "query",
            "required": false,
            "description": "The language shown alongside (absent: all).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "mode",
            "in": "query",
            "required": false,
            "description": "`phrase` (default) or `words` (all words, any order).",
            "schema": {
              "type": "string",
              "enum": [
                "phrase",
                "words"
              ],
              "default": "phrase"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Most lines (default 20).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 200,
              "default": 20
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ConcordanceResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/term": {
      "get": {
        "operationId": "term",
        "summary": "Glossary concepts for a term",
        "security": [
          {
            "bearer": []
          },
          {}
        ],
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": true,
            "description": "The text (at most 2,000 characters). Form-encoded: `+` is a space, `%2B` a plus.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 2000
            }
          },
          {
            "name": "source",
            "in": "query",
            "required": true,
            "description": "Language of the term.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "target",
            "in": "query",
            "required": false,
            "description": "Target languages, comma-separated (absent: all).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Most concepts (default 10).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 50,
              "default": 10
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "hits"
                  ],
                  "properties": {
                    "hits": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/TermHit"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/terms-in": {
      "get": {
        "operationId": "termsIn",
        "summary": "Glossary terms found in a sentence",
        "security": [
          {
            "bearer": []
          },
          {}
        ],
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": true,
            "description": "The text (at most 2,000 characters). Form-encoded: `+` is a space, `%2B` a plus.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 2000
            }
          },
          {
            "name": "source",
            "in": "query",
            "required": true,
            "description": "Language of the sentence.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "target",
            "in": "query",
            "required": false,
            "description": "Target languages, comma-separated (absent: all).",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "occurrences"
                  ],
                  "properties": {
                    "occurrences": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/TermOccurrence"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/check": {
      "post": {
        "operationId": "check",
        "summary": "Check translations against the glossaries (up to 100 pairs)",
        "security": [
          {
            "bearer": []
          },
          {}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CheckRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CheckReport"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "415": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/segment": {
      "post": {
        "operationId": "segment",
        "summary": "Split a text into sentences",
        "security": [
          {
            "bearer": []
          },
          {}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SegmentRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SegmentResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "415": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/align": {
      "post": {
        "operationId": "align",
        "summary": "Align a text and its translation sentence by sentence",
        "security": [
          {
            "bearer": []
          },
          {}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AlignRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AlignResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "415": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/stats": {
      "get": {
        "operationId": "stats",
        "summary": "Counts of the memory",
        "security": [
          {
            "bearer": []
          },
          {}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MemoryStats"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/keys": {
      "get": {
        "operationId": "listKeys",
        "summary": "The API keys (prefixes and scopes, never the keys)",
        "security": [
          {
            "bearer": []
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/KeyInfo"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/tmserver/languages/": {
      "get": {
        "operationId": "tmserverLanguages",
        "summary": "amaGama: the languages of the memory (lower case, `_`)",
        "security": [
          {
            "bearer": []
          },
          {}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TMServerLanguages"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/tmserver/{src}/{tgt}/unit/{text}": {
      "get": {
        "operationId": "tmserverUnit",
        "summary": "amaGama: suggestions for one text",
        "security": [
          {
            "bearer": []
          },
          {}
        ],
        "parameters": [
          {
            "name": "src",
            "in": "path",
            "required": true,
            "description": "Source language as clients write it (`en`, `pt_br`, `sr@latin`).",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "tgt",
            "in": "path",
            "required": true,
            "description": "Target language.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "text",
            "in": "path",
            "required": true,
            "description": "The text, percent-encoded with no safe characters (`/` as `%2F`); at most 2,000 characters.",
            "schema": {
              "type": "string",
              "minLength": 1
            }
          },
          {
            "name": "min_similarity",
            "in": "query",
            "required": false,
            "description": "Lowest quality (default 70, at least 30).",
            "schema": {
              "type": "integer",
              "default": 70
            }
          },
          {
            "name": "max_candidates",
            "in": "query",
            "required": false,
            "description": "Most suggestions (default 5, at most 50).",
            "schema": {
              "type": "integer",
              "default": 5
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/TMServerSuggestion"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/get": {
      "get": {
        "operationId": "mymemoryGet",
        "summary": "MyMemory: matches for one text",
        "security": [
          {
            "bearer": []
          },
          {}
        ],
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": true,
            "description": "The text (at most 2,000 characters). Form-encoded: `+` is a space, `%2B` a plus.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 2000
            }
          },
          {
            "name": "langpair",
            "in": "query",
            "required": true,
            "description": "`SOURCE|TARGET`, e.g. `en|de`.",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MyMemoryResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
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
        "description": "An API key from `tessera key create --scope read|write|admin`, sent as `Authorization: Bearer KEY`."
      }
    },
    "responses": {
      "Error": {
        "description": "An error",
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
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "string"
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status",
          "version"
        ],
        "properties": {
          "status": {
            "type": "string"
          },
          "version": {
            "type": "string"
          }
        }
      },
      "Match": {
        "type": "object",
        "required": [
          "score",
          "source",
          "target",
          "sourceLanguage",
          "targetLanguage",
          "differingWords",
          "origin",
          "unit"
        ],
        "properties": {
          "score": {
            "type": "integer"
          },
          "source": {
            "type": "string"
          },
          "target": {
            "type": "string"
          },
          "sourceLanguage": {
            "type": "string"
          },
          "targetLanguage": {
            "type": "string"
          },
          "differingWords": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "origin": {
            "type": "string",
            "enum": [
              "imported",
              "aligned"
            ]
          },
          "unit": {
            "type": "integer"
          }
        }
      },
      "LookupResult": {
        "type": "object",
        "required": [
          "query",
          "matches"
        ],
        "properties": {
          "query": {
            "type": "string"
          },
          "matches": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Match"
            }
          }
        }
      },
      "BatchLookupRequest": {
        "type": "object",
        "required": [
          "source",
          "queries"
        ],
        "properties": {
          "source": {
            "type": "string"
          },
          "targets": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "minimum": {
            "type": "integer",
            "minimum": 0,
            "maximum": 101
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 50
          },
          "queries": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "type": "string",
              "maxLength": 2000
            }
          }
        }
      },
      "BatchLookupResponse": {
        "type": "object",
        "required": [
          "results"
        ],
        "properties": {
          "results": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/LookupResult"
            }
          }
        }
      },
      "Translation": {
        "type": "object",
        "required": [
          "language",
          "text"
        ],
        "properties": {
          "language": {
            "type": "string"
          },
          "text": {
            "type": "string"
          }
        }
      },
      "ConcordanceLine": {
        "type": "object",
        "required": [
          "unit",
          "language",
          "text",
          "highlighted",
          "hits",
          "others"
        ],
        "properties": {
          "unit": {
            "type": "integer"
          },
          "language": {
            "type": "string"
          },
          "text": {
            "type": "string"
          },
          "highlighted": {
            "type": "string"
          },
          "hits": {
            "type": "array",
            "items": {
              "type": "array",
              "items": {
                "type": "integer"
              },
              "minItems": 2,
              "maxItems": 2
            }
          },
          "others": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Translation"
            }
          }
        }
      },
      "ConcordanceResponse": {
        "type": "object",
        "required": [
          "total",
          "lines"
        ],
        "properties": {
          "total": {
            "type": "integer"
          },
          "lines": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ConcordanceLine"
            }
          }
        }
      },
      "Term": {
        "type": "object",
        "description": "A term of a concept (TesseraCore.Term).",
        "additionalProperties": true
      },
      "TermHit": {
        "type": "object",
        "required": [
          "glossary",
          "conceptID",
          "match",
          "distance",
          "source",
          "targets"
        ],
        "properties": {
          "glossary": {
            "type": "string"
          },
          "conceptID": {
            "type": "string"
          },
          "subject": {
            "type": "string"
          },
          "match": {
            "type": "string"
          },
          "distance": {
            "type": "integer"
          },
          "source": {
            "$ref": "#/components/schemas/Term"
          },
          "targets": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Term"
            }
          },
          "definition": {
            "type": "string"
          },
          "note": {
            "type": "string"
          }
        }
      },
      "TermOccurrence": {
        "type": "object",
        "required": [
          "start",
          "end",
          "text",
          "hits"
        ],
        "properties": {
          "start": {
            "type": "integer"
          },
          "end": {
            "type": "integer"
          },
          "text": {
            "type": "string"
          },
          "hits": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TermHit"
            }
          }
        }
      },
      "CheckPair": {
        "type": "object",
        "required": [
          "source",
          "target"
        ],
        "properties": {
          "reference": {
            "type": "string"
          },
          "source": {
            "type": "string"
          },
          "target": {
            "type": "string"
          }
        }
      },
      "CheckRequest": {
        "type": "object",
        "required": [
          "source",
          "target",
          "pairs"
        ],
        "properties": {
          "source": {
            "type": "string"
          },
          "target": {
            "type": "string"
          },
          "pairs": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/CheckPair"
            }
          }
        }
      },
      "CheckReport": {
        "type": "object",
        "required": [
          "pairs",
          "problems"
        ],
        "properties": {
          "pairs": {
            "type": "integer"
          },
          "passed": {
            "type": "boolean"
          },
          "problems": {
            "type": "array",
            "items": {
              "type": "object"
            }
          }
        }
      },
      "SegmentRequest": {
        "type": "object",
        "required": [
          "language",
          "text"
        ],
        "properties": {
          "language": {
            "type": "string"
          },
          "text": {
            "type": "string"
          }
        }
      },
      "Sentence": {
        "type": "object",
        "required": [
          "text",
          "start",
          "end"
        ],
        "properties": {
          "text": {
            "type": "string"
          },
          "start": {
            "type": "integer",
            "description": "UTF-8 byte offset"
          },
          "end": {
            "type": "integer",
            "description": "UTF-8 byte offset, exclusive"
          }
        }
      },
      "SegmentResponse": {
        "type": "object",
        "required": [
          "sentences"
        ],
        "properties": {
          "sentences": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Sentence"
            }
          }
        }
      },
      "Text": {
        "type": "object",
        "required": [
          "language",
          "text"
        ],
        "properties": {
          "language": {
            "type": "string"
          },
          "text": {
            "type": "string"
          }
        }
      },
      "AlignRequest": {
        "type": "object",
        "required": [
          "source",
          "target"
        ],
        "properties": {
          "source": {
            "$ref": "#/components/schemas/Text"
          },
          "target": {
            "$ref": "#/components/schemas/Text"
          },
          "minimumConfidence": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          }
        }
      },
      "AlignedPair": {
        "type": "object",
        "required": [
          "source",
          "target",
          "confidence"
        ],
        "properties": {
          "source": {
            "type": "string"
          },
          "target": {
            "type": "string"
          },
          "confidence": {
            "type": "number"
          }
        }
      },
      "AlignResponse": {
        "type": "object",
        "required": [
          "pairs"
        ],
        "properties": {
          "pairs": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AlignedPair"
            }
          }
        }
      },
      "MemoryStats": {
        "type": "object",
        "required": [
          "units",
          "variants",
          "languages",
          "pairs",
          "batches"
        ],
        "properties": {
          "units": {
            "type": "integer"
          },
          "variants": {
            "type": "integer"
          },
          "languages": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "language",
                "variants"
              ],
              "properties": {
                "language": {
                  "type": "string"
                },
                "variants": {
                  "type": "integer"
                }
              }
            }
          },
          "pairs": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "source",
                "target",
                "units"
              ],
              "properties": {
                "source": {
                  "type": "string"
                },
                "target": {
                  "type": "string"
                },
                "units": {
                  "type": "integer"
                }
              }
            }
          },
          "batches": {
            "type": "array",
            "items": {
              "type": "object"
            }
          }
        }
      },
      "KeyInfo": {
        "type": "object",
        "required": [
          "id",
          "prefix",
          "scope"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "prefix": {
            "type": "string"
          },
          "scope": {
            "type": "string",
            "enum": [
              "read",
              "write",
              "admin"
            ]
          },
          "memory": {
            "type": "string"
          },
          "created": {
            "type": "string"
          }
        }
      },
      "TMServerLanguages": {
        "type": "object",
        "required": [
          "sourceLanguages",
          "targetLanguages"
        ],
        "properties": {
          "sourceLanguages": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "targetLanguages": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "TMServerSuggestion": {
        "type": "object",
        "required": [
          "source",
          "target",
          "quality",
          "rank"
        ],
        "properties": {
          "source": {
            "type": "string"
          },
          "target": {
            "type": "string"
          },
          "quality": {
            "type": "integer",
            "minimum": 0,
            "maximum": 100
          },
          "rank": {
            "type": "number"
          }
        }
      },
      "MyMemoryMatch": {
        "type": "object",
        "required": [
          "id",
          "segment",
          "translation",
          "source",
          "target",
          "quality",
          "match",
          "created-by"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "segment": {
            "type": "string"
          },
          "translation": {
            "type": "string"
          },
          "source": {
            "type": "string"
          },
          "target": {
            "type": "string"
          },
          "quality": {
            "type": "integer"
          },
          "reference": {
            "type": [
              "string",
              "null"
            ]
          },
          "usage-count": {
            "type": "integer"
          },
          "subject": {
            "type": "string"
          },
          "created-by": {
            "type": "string"
          },
          "last-updated-by": {
            "type": "string"
          },
          "create-date": {
            "type": "string"
          },
          "last-update-date": {
            "type": "string"
          },
          "match": {
            "type": "number"
          }
        }
      },
      "MyMemoryResponse": {
        "type": "object",
        "required": [
          "responseData",
          "responseStatus",
          "matches"
        ],
        "properties": {
          "responseData": {
            "type": "object",
            "required": [
              "translatedText",
              "match"
            ],
            "properties": {
              "translatedText": {
                "type": "string"
              },
              "match": {
                "type": "number"
              }
            }
          },
          "quotaFinished": {
            "type": "boolean"
          },
          "responseDetails": {
            "type": "string"
          },
          "responseStatus": {
            "type": "integer"
          },
          "matches": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MyMemoryMatch"
            }
          }
        }
      }
    }
  }
}
"""#
}
