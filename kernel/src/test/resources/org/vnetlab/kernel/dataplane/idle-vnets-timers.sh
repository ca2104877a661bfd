jail -c vnet persist name=j1
jail -c vnet persist name=j2
jail -c vnet persist name=j3
jail -c vnet persist name=j4
jail -c vnet persist name=j5
jail -c vnet persist name=j6
jail -c vnet persist name=j7
jail -c vnet persist name=j8
jail -c vnet persist name=j9
jail -c vnet persist name=j10
jail -c vnet persist name=j11
jail -c vnet persist name=j12
jail -c vnet persist name=j13
jail -c vnet persist name=j14
jail -c vnet persist name=j15
jail -c vnet persist name=j16
jail -c vnet persist name=j17
jail -c vnet persist name=j18
jail -c vnet persist name=j19
jail -c vnet persist name=j20
jail -c vnet persist name=j21
jail -c vnet persist name=j22
jail -c vnet persist name=j23
jail -c vnet persist name=j24
jail -c vnet persist name=j25
jail -c vnet persist name=j26
jail -c vnet persist name=j27
jail -c vnet persist name=j28
jail -c vnet persist name=j29
jail -c vnet persist name=j30
jail -c vnet persist name=j31
jail -c vnet persist name=j32
jail -c vnet persist name=j33
jail -c vnet persist name=j34
jail -c vnet persist name=j35
jail -c vnet persist name=j36
jail -c vnet persist name=j37
jail -c vnet persist name=j38
jail -c vnet persist name=j39
jail -c vnet persist name=j40
ifconfig epair5 create
ifconfig epair5a vnet j5
ifconfig epair5b vnet j6
jexec j5 ifconfig epair5a inet 10.9.5.1/24 up
jexec j6 ifconfig epair5b inet 10.9.5.2/24 up
jexec j5 ifconfig epair5a inet6 2001:db8:5::1/64
jexec j6 ifconfig epair5b inet6 2001:db8:5::2/64
ifconfig epair7 create
ifconfig epair7a vnet j7
ifconfig epair7b vnet j8
jexec j7 ifconfig epair7a inet 10.9.7.1/24 up
jexec j8 ifconfig epair7b inet 10.9.7.2/24 up
jexec j7 ifconfig epair7a inet6 2001:db8:7::1/64
jexec j8 ifconfig epair7b inet6 2001:db8:7::2/64
ifconfig epair9 create
ifconfig epair9a vnet j9
ifconfig epair9b vnet j10
jexec j9 ifconfig epair9a inet 10.9.9.1/24 up
jexec j10 ifconfig epair9b inet 10.9.9.2/24 up
jexec j9 ifconfig epair9a inet6 2001:db8:9::1/64
jexec j10 ifconfig epair9b inet6 2001:db8:9::2/64
ifconfig epair11 create
ifconfig epair11a vnet j11
ifconfig epair11b vnet j12
jexec j11 ifconfig epair11a inet 10.9.11.1/24 up
jexec j12 ifconfig epair11b inet 10.9.11.2/24 up
jexec j11 ifconfig epair11a inet6 2001:db8:11::1/64
jexec j12 ifconfig epair11b inet6 2001:db8:11::2/64
ifconfig epair13 create
ifconfig epair13a vnet j13
ifconfig epair13b vnet j14
jexec j13 ifconfig epair13a inet 10.9.13.1/24 up
jexec j14 ifconfig epair13b inet 10.9.13.2/24 up
jexec j13 ifconfig epair13a inet6 2001:db8:13::1/64
jexec j14 ifconfig epair13b inet6 2001:db8:13::2/64
ifconfig epair15 create
ifconfig epair15a vnet j15
ifconfig epair15b vnet j16
jexec j15 ifconfig epair15a inet 10.9.15.1/24 up
jexec j16 ifconfig epair15b inet 10.9.15.2/24 up
jexec j15 ifconfig epair15a inet6 2001:db8:15::1/64
jexec j16 ifconfig epair15b inet6 2001:db8:15::2/64
ifconfig epair17 create
ifconfig epair17a vnet j17
ifconfig epair17b vnet j18
jexec j17 ifconfig epair17a inet 10.9.17.1/24 up
jexec j18 ifconfig epair17b inet 10.9.17.2/24 up
jexec j17 ifconfig epair17a inet6 2001:db8:17::1/64
jexec j18 ifconfig epair17b inet6 2001:db8:17::2/64
ifconfig epair19 create
ifconfig epair19a vnet j19
ifconfig epair19b vnet j20
jexec j19 ifconfig epair19a inet 10.9.19.1/24 up
jexec j20 ifconfig epair19b inet 10.9.19.2/24 up
jexec j19 ifconfig epair19a inet6 2001:db8:19::1/64
jexec j20 ifconfig epair19b inet6 2001:db8:19::2/64
ifconfig epair21 create
ifconfig epair21a vnet j21
ifconfig epair21b vnet j22
jexec j21 ifconfig epair21a inet 10.9.21.1/24 up
jexec j22 ifconfig epair21b inet 10.9.21.2/24 up
jexec j21 ifconfig epair21a inet6 2001:db8:21::1/64
jexec j22 ifconfig epair21b inet6 2001:db8:21::2/64
ifconfig epair23 create
ifconfig epair23a vnet j23
ifconfig epair23b vnet j24
jexec j23 ifconfig epair23a inet 10.9.23.1/24 up
jexec j24 ifconfig epair23b inet 10.9.23.2/24 up
jexec j23 ifconfig epair23a inet6 2001:db8:23::1/64
jexec j24 ifconfig epair23b inet6 2001:db8:23::2/64
ifconfig epair25 create
ifconfig epair25a vnet j25
ifconfig epair25b vnet j26
jexec j25 ifconfig epair25a inet 10.9.25.1/24 up
jexec j26 ifconfig epair25b inet 10.9.25.2/24 up
jexec j25 ifconfig epair25a inet6 2001:db8:25::1/64
jexec j26 ifconfig epair25b inet6 2001:db8:25::2/64
ifconfig epair27 create
ifconfig epair27a vnet j27
ifconfig epair27b vnet j28
jexec j27 ifconfig epair27a inet 10.9.27.1/24 up
jexec j28 ifconfig epair27b inet 10.9.27.2/24 up
jexec j27 ifconfig epair27a inet6 2001:db8:27::1/64
jexec j28 ifconfig epair27b inet6 2001:db8:27::2/64
ifconfig epair29 create
ifconfig epair29a vnet j29
ifconfig epair29b vnet j30
jexec j29 ifconfig epair29a inet 10.9.29.1/24 up
jexec j30 ifconfig epair29b inet 10.9.29.2/24 up
jexec j29 ifconfig epair29a inet6 2001:db8:29::1/64
jexec j30 ifconfig epair29b inet6 2001:db8:29::2/64
ifconfig epair31 create
ifconfig epair31a vnet j31
ifconfig epair31b vnet j32
jexec j31 ifconfig epair31a inet 10.9.31.1/24 up
jexec j32 ifconfig epair31b inet 10.9.31.2/24 up
jexec j31 ifconfig epair31a inet6 2001:db8:31::1/64
jexec j32 ifconfig epair31b inet6 2001:db8:31::2/64
ifconfig epair33 create
ifconfig epair33a vnet j33
ifconfig epair33b vnet j34
jexec j33 ifconfig epair33a inet 10.9.33.1/24 up
jexec j34 ifconfig epair33b inet 10.9.33.2/24 up
jexec j33 ifconfig epair33a inet6 2001:db8:33::1/64
jexec j34 ifconfig epair33b inet6 2001:db8:33::2/64
ifconfig epair35 create
ifconfig epair35a vnet j35
ifconfig epair35b vnet j36
jexec j35 ifconfig epair35a inet 10.9.35.1/24 up
jexec j36 ifconfig epair35b inet 10.9.35.2/24 up
jexec j35 ifconfig epair35a inet6 2001:db8:35::1/64
jexec j36 ifconfig epair35b inet6 2001:db8:35::2/64
ifconfig epair37 create
ifconfig epair37a vnet j37
ifconfig epair37b vnet j38
jexec j37 ifconfig epair37a inet 10.9.37.1/24 up
jexec j38 ifconfig epair37b inet 10.9.37.2/24 up
jexec j37 ifconfig epair37a inet6 2001:db8:37::1/64
jexec j38 ifconfig epair37b inet6 2001:db8:37::2/64
ifconfig epair39 create
ifconfig epair39a vnet j39
ifconfig epair39b vnet j40
jexec j39 ifconfig epair39a inet 10.9.39.1/24 up
jexec j40 ifconfig epair39b inet 10.9.39.2/24 up
jexec j39 ifconfig epair39a inet6 2001:db8:39::1/64
jexec j40 ifconfig epair39b inet6 2001:db8:39::2/64
ifconfig epair1 create
ifconfig epair1a vnet j1
ifconfig epair1b vnet j2
jexec j1 sysctl net.link.ether.inet.max_age=30
jexec j1 ifconfig epair1a inet 10.0.0.1/24 up
jexec j2 ifconfig epair1b inet 10.0.0.2/24 up
jexec j1 ifconfig epair1a inet6 2001:db8::1/64
jexec j2 ifconfig epair1b inet6 2001:db8::2/64
jexec j1 tcpdump -i epair1a -w cap1.pcap
jexec j1 ping -c 1 10.0.0.2
jexec j1 ping -6 -c 1 2001:db8::2
jexec j1 arp -an
jexec j1 ndp -an
jexec j2 arp -an
jexec j2 ndp -an
sleep 29
jexec j1 arp -an
sleep 1
jexec j1 arp -an
jexec j2 arp -an
jexec j1 ndp -an
jexec j1 ping -6 -c 1 2001:db8::2
jexec j1 ndp -an
sleep 4
jexec j1 ndp -an
sleep 1
jexec j1 ndp -an
sleep 1
jexec j1 ndp -an
sleep 3
jexec j1 ndp -an
jexec j2 ndp -an
jexec j3 ifconfig lo0 inet6 2001:db8:ff::1/64 pltime 5 vltime 10
jexec j3 ifconfig lo0
sleep 5
jexec j3 ifconfig lo0
sleep 1
jexec j3 ifconfig lo0
sleep 5
jexec j3 ifconfig lo0
ifconfig bridge0 create
ifconfig epair2 create
ifconfig epair3 create
ifconfig bridge0 addm epair2a addm epair3a up
ifconfig epair2a up
ifconfig epair3a up
ifconfig epair2b vnet j3
ifconfig epair3b vnet j4
jexec j3 ifconfig epair2b inet 10.1.0.3/24 up
jexec j4 ifconfig epair3b inet 10.1.0.4/24 up
jexec j3 ping -c 1 10.1.0.4
ifconfig bridge0 addr
sleep 1199
ifconfig bridge0 addr
sleep 1
ifconfig bridge0 addr
jexec j3 arp -an
jexec j3 ping -c 1 10.1.0.4
jexec j1 ping -c 1 10.0.0.2
jexec j1 arp -an
sleep 86400
jexec j1 ndp -an
jexec j2 ndp -an
jexec j2 arp -an
jexec j5 arp -an
jexec j5 ndp -an
jexec j7 arp -an
jexec j7 ndp -an
jexec j9 arp -an
jexec j9 ndp -an
jexec j11 arp -an
jexec j11 ndp -an
jexec j13 arp -an
jexec j13 ndp -an
jexec j15 arp -an
jexec j15 ndp -an
jexec j17 arp -an
jexec j17 ndp -an
jexec j19 arp -an
jexec j19 ndp -an
jexec j21 arp -an
jexec j21 ndp -an
jexec j23 arp -an
jexec j23 ndp -an
jexec j25 arp -an
jexec j25 ndp -an
jexec j27 arp -an
jexec j27 ndp -an
jexec j29 arp -an
jexec j29 ndp -an
jexec j31 arp -an
jexec j31 ndp -an
jexec j33 arp -an
jexec j33 ndp -an
jexec j35 arp -an
jexec j35 ndp -an
jexec j37 arp -an
jexec j37 ndp -an
jexec j39 arp -an
jexec j39 ndp -an
