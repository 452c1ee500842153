/**
 * Scenario files: the YAML a researcher writes, its JSON Schema, and the loader that validates a
 * file and resolves it over the model defaults into typed records.
 */
package org.feedlab.lab.scenario;
