package org.signet.system;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR that Maven built, exactly as it ships: no test classes are added to it. */
final class Deployments {

    private Deployments() {}

    static EnterpriseArchive signetEar() {
        var ear = new File(System.getProperty("signet.ear"));
        return ShrinkWrap.create(ZipImporter.class, "signet.ear")
                .importFrom(ear)
                .as(EnterpriseArchive.class);
    }
}
