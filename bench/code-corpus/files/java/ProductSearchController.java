package com.example.web;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ProductSearchController {
    private final EntityManager em;

    public ProductSearchController(EntityManager em) {
        this.em = em;
    }

    @GetMapping("/products/search")
    public List<?> search(@RequestParam String name) {
        return em.createQuery("SELECT p FROM Product p WHERE p.name = '" + name + "'").getResultList();
    }

    @GetMapping("/products/search2")
    public List<?> search2(@RequestParam String name) {
        return em.createQuery("SELECT p FROM Product p WHERE p.name = :name").setParameter("name", name).getResultList();
    }

    @GetMapping("/products/native")
    public List<?> nativeSearch(@RequestParam String category) {
        String q = "SELECT * FROM product WHERE category = '" + category + "'";
        return em.createNativeQuery(q).getResultList();
    }
}
