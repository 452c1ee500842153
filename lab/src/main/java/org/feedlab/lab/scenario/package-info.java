/**
 * Scenario files: the YAML a researcher writes, its JSON Schema, and the loader that validates a
 * file and resolves it over the model defaults into typed records (the flat society keys mapped
 * onto the groups of the society's configuration by one declared table).
 */
package org.feedlab.lab.scenario;
