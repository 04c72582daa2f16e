package com.liminaltransit.admin.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource as the writers' room's: {@link AdminGate} lets no request reach it without a writer's
 * session (and, for unsafe methods, the session's CSRF token), whatever path it is mounted on and whatever package
 * it lives in. Paths under {@code /admin} are guarded even without it, so a route that forgets the annotation is
 * still closed. {@link Inherited}, so the container's proxy subclass of a resource carries it too.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WritersOnly {}
