/**
 * Names each page as Astro starts to render it, so that what it reads is recorded as its
 * own (src/page-reuse/page-inputs.ts). Nothing else: the response passes through as it is.
 */
import { defineMiddleware } from 'astro:middleware';
import { beginPage } from './page-reuse/page-inputs.ts';

export const onRequest = defineMiddleware((context, next) => {
	beginPage({ route: context.routePattern, params: context.params, pathname: context.url.pathname });
	return next();
});
