package org.vnetlab.kernel.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;

/**
 * Vnet.ifunit answers from a name index once a vnet has more than a few interfaces; the index
 * must follow every way an interface comes, goes or changes its name.
 */
class VnetIfunitTest {

    private static Outcome exec(Lab lab, String line) {
        return lab.exec(line);
    }

    @Test
    void givenAVnetWithManyInterfaces_whenRenamedMovedAndDestroyed_thenEveryNameResolvesAsItShould() {
        Lab lab = new Lab(4);
        lab.run("jail -c vnet persist name=j\n");
        for (int i = 0; i < 12; i++) assertThat(exec(lab, "ifconfig epair" + i + " create").exit()).isZero();
        assertThat(lab.host().vnet0.ifnetCount()).isGreaterThan(8); // the index is in use

        assertThat(exec(lab, "ifconfig epair3a name net0").exit()).isZero();
        assertThat(exec(lab, "ifconfig net0").exit()).isZero();
        assertThat(exec(lab, "ifconfig epair3a").stderr()).contains("interface epair3a does not exist");
        assertThat(exec(lab, "ifconfig net0 name epair3a").exit()).isZero(); // and back
        assertThat(exec(lab, "ifconfig epair3a").exit()).isZero();
        assertThat(exec(lab, "ifconfig net0").exit()).isNotZero();

        assertThat(exec(lab, "ifconfig epair5a vnet j").exit()).isZero();
        assertThat(exec(lab, "ifconfig epair5a").exit()).isNotZero();
        assertThat(exec(lab, "jexec j ifconfig epair5a").exit()).isZero();
        assertThat(exec(lab, "ifconfig epair5a -vnet j").exit()).isZero();
        assertThat(exec(lab, "ifconfig epair5a").exit()).isZero();

        assertThat(exec(lab, "ifconfig epair7a destroy").exit()).isZero();
        assertThat(exec(lab, "ifconfig epair7a").exit()).isNotZero();
        assertThat(exec(lab, "ifconfig epair7b").exit()).isNotZero();
        assertThat(exec(lab, "ifconfig epair7 create").exit()).isZero(); // the unit is free again
        assertThat(exec(lab, "ifconfig epair7a").exit()).isZero();

        // a jail that goes takes nothing of ours along, and gives back what it borrowed
        assertThat(exec(lab, "ifconfig epair9a vnet j").exit()).isZero();
        assertThat(exec(lab, "jail -r j").exit()).isZero();
        assertThat(exec(lab, "ifconfig epair9a").exit()).isZero();
        for (Ifnet ifp : lab.host().vnet0.ifnets()) assertThat(lab.host().vnet0.ifunit(ifp.name)).isSameAs(ifp);
    }
}
