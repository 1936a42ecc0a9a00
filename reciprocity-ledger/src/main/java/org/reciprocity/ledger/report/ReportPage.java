package org.reciprocity.ledger.report;

import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.integrity.ChainFinding;
import org.reciprocity.ledger.integrity.Integrity;
import org.reciprocity.ledger.integrity.VerificationReport;
import org.reciprocity.ledger.replay.Comparison;
import org.reciprocity.ledger.replay.ReplayFinding;
import org.reciprocity.ledger.replay.ReplayResult;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The audit report as one self-contained HTML page: no script, no style sheet or font to fetch, the charts drawn in
 * inline SVG, so that it opens the same on an air-gapped machine years later and can be archived with the evidence.
 */
public final class ReportPage {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 180;
    private static final int MARGIN = 30;

    private final StringBuilder html = new StringBuilder(64 * 1024);

    private ReportPage() {
    }

    public static String render(AuditReport report) {
        return new ReportPage().page(report);
    }

    private String page(AuditReport report) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Reciprocity Exchange audit report, ").append(text(report.generatedAt())).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;")
                .append("text-align:right}th{background:#f4f4f4}td.l,th.l{text-align:left}.ok{color:#1a7f37}")
                .append(".bad{color:#c62828;font-weight:bold}svg{border:1px solid #ddd;background:#fcfcfc}")
                .append(".legend span{margin-right:1.5em}</style></head><body>\n");
        html.append("<h1>Audit report</h1><p>Generated ").append(text(report.generatedAt())).append(". Verdict: ")
                .append(verdict(report.clean(), "the history is intact and every decision follows from the rules",
                        "see the findings below"))
                .append("</p>\n");
        verification(report.verification());
        replay(report.replay());
        html.append("<h2>Accounts</h2><p class=\"legend\"><span style=\"color:#2e7d32\">&#9632; earned</span>")
                .append("<span style=\"color:#1565c0\">&#9632; granted</span><span style=\"color:#c62828\">&#9632; ")
                .append("spent</span><span>&#8212; balance at the end of the day</span></p>\n");
        report.accounts().forEach(this::account);
        return html.append("</body></html>\n").toString();
    }

    private void verification(VerificationReport verification) {
        html.append("<h2>Integrity of the history</h2><p>")
                .append(verdict(verification.intact(), Integrity.of(verification), Integrity.shortfall(verification)))
                .append("</p><p>").append(verification.eventsChecked()).append(" events up to position ")
                .append(verification.lastPosition()).append(", ").append(verification.checkpointsChecked())
                .append(" checkpoints, key ").append(text(verification.keyId())).append(", ")
                .append(verification.millis()).append(" ms.</p>\n");
        if (!verification.findings().isEmpty()) {
            html.append("<table><tr><th>position</th><th class=\"l\">finding</th><th class=\"l\">detail</th></tr>");
            for (ChainFinding finding : verification.findings()) {
                html.append("<tr><td>").append(finding.position()).append("</td><td class=\"l\">")
                        .append(finding.kind()).append("</td><td class=\"l\">").append(text(finding.detail()))
                        .append("</td></tr>");
            }
            html.append("</table>\n");
        }
    }

    private void replay(ReplayResult replay) {
        html.append("<h2>Replay</h2><p>")
                .append(verdict(replay.findingsTotal() == 0, "every decision follows from the history before it and "
                        + "the policy version in force", replay.findingsTotal() + " decision(s) do not"))
                .append("</p><p>").append(replay.eventsRead()).append(" events read up to position ")
                .append(replay.throughPosition()).append(", ").append(replay.decisionsChecked())
                .append(" decisions taken again and compared, ").append(replay.itemsKnown())
                .append(" items of the shared pool followed, in ").append(replay.millis()).append(" ms (")
                .append(replay.eventsPerSecond()).append(" events/s). Each decision was held to:</p>\n")
                .append("<table><tr><th class=\"l\">rule</th><th class=\"l\">what it checks</th>")
                .append("<th>findings</th></tr>");
        for (ReplayResult.CheckResult check : replay.checks()) {
            html.append("<tr><td class=\"l\">").append(check.check()).append("</td><td class=\"l\">")
                    .append(text(check.rule())).append("</td><td>").append(check.findings()).append("</td></tr>");
        }
        html.append("</table>\n");
        Comparison comparison = replay.comparison();
        html.append("<p>Live ledger: ").append(comparison.made()
                ? verdict(comparison.differences().isEmpty(), comparison.accountsCompared() + " accounts compared, "
                        + "all equal to the replay", comparison.differences().size() + " account(s) differ")
                : "not compared: " + text(comparison.reason())).append("</p>\n");
        if (!replay.findings().isEmpty()) {
            html.append("<table><tr><th>position</th><th class=\"l\">account</th><th class=\"l\">event</th>")
                    .append("<th class=\"l\">rule</th><th class=\"l\">finding</th></tr>");
            for (ReplayFinding finding : replay.findings()) {
                html.append("<tr><td>").append(finding.position()).append("</td><td class=\"l\">")
                        .append(text(finding.accountId())).append("</td><td class=\"l\">").append(text(finding.event()))
                        .append("</td><td class=\"l\">").append(finding.check()).append("</td><td class=\"l\">")
                        .append(text(finding.detail())).append("</td></tr>");
            }
            html.append("</table>\n");
        }
        if (!comparison.differences().isEmpty()) {
            html.append("<table><tr><th class=\"l\">account</th><th class=\"l\">replayed</th><th class=\"l\">live</th></tr>");
            for (Comparison.Difference difference : comparison.differences()) {
                html.append("<tr><td class=\"l\">").append(text(difference.accountId())).append("</td><td class=\"l\">")
                        .append(text(difference.replayed())).append("</td><td class=\"l\">")
                        .append(text(difference.live())).append("</td></tr>");
            }
            html.append("</table>\n");
        }
    }

    private void account(AccountHistory account) {
        html.append("<h3>").append(text(account.accountId())).append("</h3>\n<table><tr><th>earned</th>")
                .append("<th>granted</th><th>spent</th><th>expired</th><th>balance</th><th>contributions</th>")
                .append("<th>withdrawals</th><th>refused</th></tr><tr><td>").append(account.balance().earned())
                .append("</td><td>").append(account.balance().granted()).append("</td><td>")
                .append(account.balance().spent()).append("</td><td>").append(account.balance().expired())
                .append("</td><td>").append(account.balance().balance()).append("</td><td>")
                .append(account.balance().contributions()).append("</td><td>")
                .append(account.balance().withdrawals()).append("</td><td>").append(account.refusalsTotal())
                .append("</td></tr></table>\n");
        chart(account.days());
        if (!account.refusals().isEmpty()) {
            html.append("<p>Refused withdrawals").append(account.refusalsTotal() > account.refusals().size()
                    ? " (the first " + account.refusals().size() + " of " + account.refusalsTotal() + ")" : "")
                    .append(":</p><table><tr><th>position</th><th class=\"l\">at</th><th class=\"l\">by</th>")
                    .append("<th class=\"l\">request key</th><th>cost</th><th>balance</th></tr>");
            for (AccountHistory.Refusal refusal : account.refusals()) {
                html.append("<tr><td>").append(refusal.position()).append("</td><td class=\"l\">")
                        .append(text(refusal.at())).append("</td><td class=\"l\">").append(text(refusal.consumerId()))
                        .append("</td><td class=\"l\">").append(text(refusal.requestKey())).append("</td><td>")
                        .append(refusal.cost()).append("</td><td>").append(refusal.balance()).append("</td></tr>");
            }
            html.append("</table>\n");
        }
    }

    /** Bars for what each day added and took, above and below the axis; a line for the balance. */
    private void chart(List<AccountHistory.Day> days) {
        double top = 1;
        for (AccountHistory.Day day : days) {
            top = Math.max(top, Math.max(value(day.balance()), value(day.earned()) + value(day.granted())));
            top = Math.max(top, value(day.spent()) + value(day.expired()));
        }
        double middle = HEIGHT / 2.0;
        double scale = (middle - 10) / top;
        double step = (WIDTH - 2.0 * MARGIN) / Math.max(1, days.size());
        double bar = Math.max(1, Math.min(24, step * 0.6));
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"daily movements and balance\">")
                .append("<line x1=\"").append(MARGIN).append("\" y1=\"").append(middle).append("\" x2=\"")
                .append(WIDTH - MARGIN).append("\" y2=\"").append(middle).append("\" stroke=\"#999\"/>");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            AccountHistory.Day day = days.get(i);
            double x = MARGIN + step * i + (step - bar) / 2;
            double earned = value(day.earned()) * scale;
            double granted = value(day.granted()) * scale;
            double taken = (value(day.spent()) + value(day.expired())) * scale;
            rect(x, middle - earned, bar, earned, "#2e7d32", day.date() + ": earned " + day.earned());
            rect(x, middle - earned - granted, bar, granted, "#1565c0", day.date() + ": granted " + day.granted());
            rect(x, middle, bar, taken, "#c62828", day.date() + ": spent " + day.spent() + ", expired "
                    + day.expired());
            line.append(i == 0 ? "" : " ").append(format(x + bar / 2)).append(',')
                    .append(format(middle - value(day.balance()) * scale));
        }
        html.append("<polyline fill=\"none\" stroke=\"#222\" stroke-width=\"1.5\" points=\"").append(line)
                .append("\"/>");
        if (!days.isEmpty()) {
            html.append("<text x=\"").append(MARGIN).append("\" y=\"").append(HEIGHT - 4).append("\" font-size=\"10\">")
                    .append(days.get(0).date()).append("</text><text x=\"").append(WIDTH - MARGIN)
                    .append("\" y=\"").append(HEIGHT - 4).append("\" font-size=\"10\" text-anchor=\"end\">")
                    .append(days.get(days.size() - 1).date()).append("</text>");
        }
        html.append("</svg>\n");
    }

    private void rect(double x, double y, double width, double height, String colour, String title) {
        if (height <= 0) {
            return;
        }
        html.append("<rect x=\"").append(format(x)).append("\" y=\"").append(format(y)).append("\" width=\"")
                .append(format(width)).append("\" height=\"").append(format(height)).append("\" fill=\"")
                .append(colour).append("\"><title>").append(text(title)).append("</title></rect>");
    }

    private static double value(Credit credit) {
        return credit == null ? 0 : credit.amount().doubleValue();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String verdict(boolean good, String ok, String bad) {
        return good ? "<span class=\"ok\">" + text(ok) + "</span>" : "<span class=\"bad\">" + text(bad) + "</span>";
    }

    /** Anything shown as text, escaped: account ids and request keys come from participants. */
    private static String text(Object value) {
        String plain = value == null ? "" : value instanceof BigDecimal decimal ? decimal.toPlainString()
                : value.toString();
        StringBuilder escaped = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
