package com.liminaltransit.web;

import java.util.Map;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;

/**
 * Thymeleaf's {@code @{/…}} links outside a servlet: the application sits at the root, and a link to one of our
 * static files becomes its content-hashed name ({@code @{/static/css/transit.css}} →
 * {@code /static/css/transit.3f9a1c2b4d5e.css}, {@link StaticAssets}).
 */
final class AssetLinks extends StandardLinkBuilder {

    private final StaticAssets assets;

    AssetLinks(StaticAssets assets) {
        this.assets = assets;
    }

    @Override
    protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
        return "";
    }

    @Override
    protected String processLink(IExpressionContext context, String link) {
        return assets.url(link);
    }
}
