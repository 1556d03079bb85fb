package dev.revisit.collector.page;

/** The frame every page shares: head, inline style (no external assets, no scripts), header. */
final class Layout {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fff}
            header{background:#2c3e50;color:#fff;padding:10px 24px}header a{color:#fff;text-decoration:none;font-weight:600}
            main{padding:16px 24px;max-width:1100px}h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:22px 0 8px}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eee;vertical-align:top}
            th{font-weight:600;color:#555;font-size:12px;text-transform:uppercase}
            .verdict{display:inline-block;white-space:nowrap;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
            .v-holds{background:#27ae60}.v-no_data{background:#7f8c8d}.v-at_risk{background:#e67e22}
            .v-review_due{background:#2980b9}.v-review{background:#c0392b}
            .counts span{margin-right:12px}.muted{color:#777}.reason{color:#444}
            .assumption{border:1px solid #e5e5e5;border-radius:6px;padding:10px 14px;margin:12px 0}
            dl{display:grid;grid-template-columns:max-content auto;gap:2px 14px;margin:6px 0}dt{color:#777}dd{margin:0}
            code{font-size:12px;background:#f4f4f4;padding:1px 4px;border-radius:3px}
            """;

    private Layout() {}

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.esc(title) + " · Revisit</title><style>" + STYLE + "</style></head><body>"
                + "<header><a href=\"/\">Revisit</a> <span class=\"muted\">architecture decisions against runtime evidence</span></header>"
                + "<main>" + body + "</main></body></html>\n";
    }

    static String verdict(String key) {
        return "<span class=\"verdict v-" + Html.esc(key) + "\">" + Html.esc(key.replace('_', ' ')) + "</span>";
    }
}
