/**
 * The secretariat's dashboard: the routes to its static page ({@code static/dashboard/}),
 * which reads the API and follows the live feed.
 */
package org.jointops.aggregator.dashboard;
