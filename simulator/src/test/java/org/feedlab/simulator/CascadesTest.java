package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CascadesTest {

    @Test
    void maturedCascadesAreCountedByTheDepthOfTheirDeepestReshare() {
        Cascades cascades = new Cascades();
        // Six originals posted on day 0; their reshares reach depths 0, 1, 2, 3, 5 and 1 (twice).
        Content[] roots = new Content[6];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = Fixtures.nonPolitical(i, i, 1, 0.5);
            cascades.started(roots[i]);
        }
        long id = 100;
        cascades.grew(roots[1].reshare(id++, 7, 1));
        Content chain = roots[2];
        for (int depth = 1; depth <= 2; depth++) {
            chain = chain.reshare(id++, 7, 1);
            cascades.grew(chain);
        }
        chain = roots[3];
        for (int depth = 1; depth <= 3; depth++) {
            chain = chain.reshare(id++, 7, 1);
            cascades.grew(chain);
        }
        chain = roots[4];
        for (int depth = 1; depth <= 5; depth++) {
            chain = chain.reshare(id++, 7, 1);
            cascades.grew(chain);
        }
        cascades.grew(roots[5].reshare(id++, 7, 1));
        cascades.grew(roots[5].reshare(id++, 8, 2));

        cascades.mature(Cascades.MATURITY_TICKS - 1);
        assertEquals(CascadeCounts.NONE, cascades.counts(), "nothing is mature before ten days");

        cascades.mature(Cascades.MATURITY_TICKS);
        CascadeCounts counts = cascades.counts();
        assertEquals(new CascadeCounts(6, 1, 2, 1, 1, 1), counts);
        assertEquals(3, counts.deep());

        // A reshare of a matured root changes nothing.
        cascades.grew(roots[0].reshare(id, 9, 11));
        cascades.mature(Cascades.MATURITY_TICKS + 1);
        assertEquals(counts, cascades.counts());
    }
}
