<?php

class UserModel
{
    private PDO $db;

    public function __construct(PDO $db)
    {
        $this->db = $db;
    }

    private function buildWhere(array $filters): string
    {
        $parts = [];
        foreach ($filters as $col => $val) {
            $parts[] = "$col = '$val'";
        }
        return implode(' AND ', $parts);
    }

    public function search(array $filters): array
    {
        $sql = 'SELECT * FROM users WHERE ' . $this->buildWhere($filters);
        return $this->db->query($sql)->fetchAll();
    }

    public function byIds(array $ids): array
    {
        $ids = array_map('intval', $ids);
        $sql = 'SELECT * FROM users WHERE id IN (' . implode(',', $ids) . ')';
        return $this->db->query($sql)->fetchAll();
    }

    public function byRole(string $role): array
    {
        $stmt = $this->db->prepare("SELECT * FROM users WHERE role = '$role'");
        $stmt->execute();
        return $stmt->fetchAll();
    }
}

$model = new UserModel($pdo);
$rows = $model->search($_GET['filter'] ?? []);
