package com.liminaltransit.admin.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * Bar charts laid out on the server, for the template to draw as SVG with presentation attributes and classes
 * only (the CSP forbids inline styles, and no chart script is needed). Coordinates are in the SVG's viewBox.
 */
public final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final int TOP = 18;
    private static final int BOTTOM = 28;
    private static final int LEFT = 8;
    private static final int GAP = 4;
    private static final int MAX_SLOT = 80;

    private Charts() {}

    /**
     * One bar as the template draws it.
     *
     * @param x       left edge
     * @param y       top edge
     * @param width   width
     * @param height  height
     * @param cssClass class for its fill
     * @param label   the axis label under it
     * @param value   the figure written above it
     * @param tooltip the SVG title (hover and screen readers)
     */
    public record Bar(
            int x, int y, int width, int height, String cssClass, String label, String value, String tooltip) {

        /** Centre of the bar, for its labels. */
        public int middle() {
            return x + width / 2;
        }

        /** Where the value label sits: just above the bar. */
        public int valueY() {
            return Math.max(TOP - 4, y - 4);
        }
    }

    /**
     * A chart: bars (stacked segments share a label) and its size.
     *
     * @param title  what it shows, for its SVG title
     * @param bars   bars or segments
     * @param labels one axis label per column
     */
    public record Chart(String title, List<Bar> bars, List<Bar> labels) {

        /** The viewBox width. */
        public int width() {
            return WIDTH;
        }

        /** The viewBox height. */
        public int height() {
            return HEIGHT;
        }

        /** The SVG viewBox. */
        public String viewBox() {
            return "0 0 " + WIDTH + " " + HEIGHT;
        }

        /** The baseline's y. */
        public int baseline() {
            return HEIGHT - BOTTOM;
        }

        /** Where axis labels sit. */
        public int labelY() {
            return HEIGHT - BOTTOM + 16;
        }

        /** Whether there is anything to draw. */
        public boolean empty() {
            return bars.isEmpty();
        }
    }

    /**
     * A column of a chart: its label and its values (one for a plain bar, several for a stack).
     *
     * @param label    the axis label
     * @param values   the values, bottom first
     * @param display  the figure written above the column
     * @param tooltips one tooltip per value
     */
    record Column(String label, List<Double> values, String display, List<String> tooltips) {

        static Column of(String label, double value, String display, String tooltip) {
            return new Column(label, List.of(value), display, List.of(tooltip));
        }

        double total() {
            return values.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** Bars (stacked when a column has several values) scaled to {@code max}, or to the tallest column. */
    static Chart bars(String title, List<Column> columns, double max, String baseClass) {
        List<Bar> bars = new ArrayList<>();
        List<Bar> labels = new ArrayList<>();
        if (columns.isEmpty()) {
            return new Chart(title, bars, labels);
        }
        double top = max > 0
                ? max
                : columns.stream().mapToDouble(Column::total).max().orElse(1);
        top = top <= 0 ? 1 : top;
        int plotWidth = WIDTH - 2 * LEFT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int slot = Math.min(MAX_SLOT, plotWidth / columns.size());
        int start = LEFT + (plotWidth - slot * columns.size()) / 2;
        int barWidth = Math.max(2, slot - GAP);
        int labelEvery = Math.max(1, (int) Math.ceil(columns.size() / 16.0));
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            int x = start + i * slot + (slot - barWidth) / 2;
            int base = HEIGHT - BOTTOM;
            for (int v = 0; v < column.values().size(); v++) {
                int height = (int) Math.round(column.values().get(v) / top * plotHeight);
                String cssClass = column.values().size() == 1 ? baseClass : "share-" + Math.min(v, 3);
                bars.add(new Bar(
                        x,
                        base - height,
                        barWidth,
                        height,
                        cssClass,
                        column.label(),
                        "",
                        column.tooltips().get(v)));
                base -= height;
            }
            String label = i % labelEvery == 0 ? column.label() : "";
            labels.add(new Bar(
                    x, base, barWidth, 0, "", label, column.display(), column.label() + ": " + column.display()));
        }
        return new Chart(title, bars, labels);
    }
}
