/**
 * Serving, the same platform code in both engines: a user's impression logs update their profile,
 * each request is ranked with its tick's context, and the feeds of audited users are explained.
 */
package org.feedlab.ranker.serving;
