package com.example.dao;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface MyBatisStyleDao {
    @Select("SELECT * FROM users WHERE name = #{name}")
    java.util.List<java.util.Map<String, Object>> byName(String name);

    @Select("SELECT * FROM users ORDER BY ${column}")
    java.util.List<java.util.Map<String, Object>> sorted(String column);
}
