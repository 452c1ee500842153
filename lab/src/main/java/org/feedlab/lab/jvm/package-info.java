/** Child JVMs started from the lab's own classpath: the broker and the cluster's processes. */
package org.feedlab.lab.jvm;
