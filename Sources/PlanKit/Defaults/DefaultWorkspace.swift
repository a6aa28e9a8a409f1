/// The files `plan init` writes, and the default schema the bundled workspace uses too (a test checks
/// the repository's copy is the same).
public enum DefaultWorkspace {
    public static let itemSchema = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Plan item front-matter",
          "description": "One action item of an implementation plan.",
          "type": "object",
          "required": ["id", "title", "lead", "timeframe", "status"],
          "properties": {
            "id": {
              "description": "<plan-id>/<number>, e.g. dvk-2021/2.a",
              "type": "string",
              "pattern": "^[a-z0-9][a-z0-9-]*/[^/\\s]+$"
            },
            "title": { "type": "string", "minLength": 1 },
            "section": { "description": "The heading of the section the item is in.", "type": "string" },
            "lead": {
              "description": "Chủ trì: exactly one unit (id, name or alias in schemas/units.yaml).",
              "anyOf": [
                { "$ref": "#/$defs/unit" },
                { "type": "array", "items": { "$ref": "#/$defs/unit" } }
              ]
            },
            "support": {
              "description": "Phối hợp: coordinating units.",
              "anyOf": [
                { "$ref": "#/$defs/unit" },
                { "type": "array", "items": { "$ref": "#/$defs/unit" } }
              ]
            },
            "timeframe": {
              "description": "Thời gian thực hiện, as written: 'Tháng 9/2021', 'Thường xuyên, từ năm 2021 - 2025', '2021-09-30'.",
              "type": ["string", "integer"]
            },
            "product": { "description": "Sản phẩm / Kết quả: what the item delivers, as written.", "type": "string" },
            "due": {
              "description": "The deadline the office sets when the timeframe names none (an event-relative timeframe): an ISO date.",
              "type": "string",
              "format": "date"
            },
            "status": { "enum": ["planned", "in-progress", "done", "blocked", "stopped", "cancelled"] },
            "completed": {
              "description": "Ngày hoàn thành: the day the item was finished (2024-06-10 or 10/6/2024); required when done.",
              "type": "string"
            },
            "evidence": {
              "description": "Văn bản chứng minh kết quả: 'Báo cáo số 12-BC/BTGTU ngày 10/6/2024', 'Công văn số 1234/UBND-VX ngày 05/3/2024'.",
              "anyOf": [
                { "type": "string", "minLength": 1 },
                { "type": "array", "items": { "type": "string", "minLength": 1 } }
              ]
            },
            "reason": { "description": "Lý do tạm dừng hoặc hủy bỏ: required when stopped or cancelled.", "type": "string" },
            "depends_on": { "type": "array", "items": { "type": "string" }, "uniqueItems": true },
            "tags": { "type": "array", "items": { "type": "string", "minLength": 1 }, "uniqueItems": true },
            "refs": { "description": "Cited documents.", "type": "array", "items": { "type": "string" } },
            "progress": {
              "description": "Progress notes, newest last.",
              "type": "array",
              "items": {
                "type": "object",
                "required": ["date", "note"],
                "properties": {
                  "date": { "type": "string", "format": "date" },
                  "note": { "type": "string", "minLength": 1 }
                },
                "additionalProperties": false
              }
            },
            "note": { "type": "string" },
            "plan-disable": {
              "description": "Rules turned off for this file.",
              "anyOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } }
              ]
            }
          },
          "additionalProperties": false,
          "$defs": {
            "unit": { "type": "string" }
          }
        }

        """#
}
