package com.liminaltransit.admin.prompts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A line diff of two texts by longest common subsequence, small enough for prompt templates (up to
 * {@value #MAX_LINES} lines a side; longer texts are compared as wholly replaced). Lines are data for the page,
 * rendered escaped.
 */
public final class LineDiff {

    static final int MAX_LINES = 2_000;

    /** What happened to one line. */
    public enum Op {
        SAME,
        ADDED,
        REMOVED
    }

    /**
     * One line of the diff.
     *
     * @param op      kept, added in the newer text, or removed from the older
     * @param oldLine its number in the older text (from 1), 0 when added
     * @param newLine its number in the newer text (from 1), 0 when removed
     * @param text    the line
     */
    public record Line(Op op, int oldLine, int newLine, String text) {
        /** The sign shown before the line. */
        public String sign() {
            return switch (op) {
                case SAME -> " ";
                case ADDED -> "+";
                case REMOVED -> "−";
            };
        }

        /** The CSS class of the line. */
        public String css() {
            return "diff-" + op.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private LineDiff() {}

    /** The line diff of two texts. */
    public static List<Line> diff(String older, String newer) {
        List<String> a = older.lines().toList();
        List<String> b = newer.lines().toList();
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            List<Line> all = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                all.add(new Line(Op.REMOVED, i + 1, 0, a.get(i)));
            }
            for (int j = 0; j < b.size(); j++) {
                all.add(new Line(Op.ADDED, 0, j + 1, b.get(j)));
            }
            return all;
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                lines.add(new Line(Op.SAME, i + 1, j + 1, a.get(i)));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line(Op.REMOVED, i + 1, 0, a.get(i)));
                i++;
            } else {
                lines.add(new Line(Op.ADDED, 0, j + 1, b.get(j)));
                j++;
            }
        }
        for (; i < a.size(); i++) {
            lines.add(new Line(Op.REMOVED, i + 1, 0, a.get(i)));
        }
        for (; j < b.size(); j++) {
            lines.add(new Line(Op.ADDED, 0, j + 1, b.get(j)));
        }
        return Collections.unmodifiableList(lines);
    }

    /** Whether a diff has any added or removed line. */
    public static boolean changed(List<Line> lines) {
        return lines.stream().anyMatch(line -> line.op() != Op.SAME);
    }
}
