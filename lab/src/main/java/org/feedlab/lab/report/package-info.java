/** The HTML report of a run: its parameters and the key metrics over time as inline charts. */
package org.feedlab.lab.report;
